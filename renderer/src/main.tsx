import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToDesk } from './api/connect.js';
import { DeskClientContext } from './api/desk-context.js';
import { createDeskClient } from './api/desk-client.js';
import { App } from './App.js';
import { initI18n } from './i18n/i18n.js';
import { attachDesk } from './state/attach-desk.js';
import './styles/app.css';

const transport = connectToDesk();
const client = createDeskClient(transport);
attachDesk(client, transport);

void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <DeskClientContext.Provider value={client}>
        <App />
      </DeskClientContext.Provider>
    </StrictMode>,
  ),
);
