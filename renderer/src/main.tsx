import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToDesk } from './api/connect.js';
import { createDeskClient } from './api/desk-client.js';
import { App } from './app.js';
import { BoardApp } from './features/board/board-app.js';
import { followDeskLanguage } from './i18n/follow-desk-language.js';
import { browserLocale, initI18n } from './i18n/i18n.js';
import { attachDesk } from './state/attach-desk.js';
import './styles/app.css';

/** The hub serves this same renderer at /board/ for wallboards (in the browser's language); anywhere else it is a desk (in its agent's). */
function render() {
  if (location.pathname.startsWith('/board')) return <BoardApp />;
  const transport = connectToDesk();
  const client = createDeskClient(transport);
  followDeskLanguage();
  attachDesk(client, transport);
  return <App />;
}

void initI18n(browserLocale()).then(() => createRoot(document.getElementById('root')!).render(<StrictMode>{render()}</StrictMode>));
