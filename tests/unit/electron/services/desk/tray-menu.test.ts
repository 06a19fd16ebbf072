import { describe, expect, it } from 'vitest';
import { trayMenu } from '../../../../../electron/services/desk/tray-menu.js';
import { translatorFor } from '../../../../../shared/i18n/translator.js';

describe('the tray menu', () => {
  it('offers to show the desk and to quit, in the agent’s language', () => {
    expect(trayMenu(translatorFor('bg'), null)).toEqual({
      tooltip: 'Agent Desk',
      items: [{ action: 'show', label: 'Покажи Agent Desk' }, { action: 'separator' }, { action: 'quit', label: 'Изход от Agent Desk' }],
    });
  });

  it('offers the hub’s supervisor board when the desk has a hub', () => {
    const menu = trayMenu(translatorFor('ru'), 'https://hub.example.internal:4790/');
    expect(menu.items).toContainEqual({ action: 'board', label: 'Открыть панель супервайзера', url: 'https://hub.example.internal:4790/board/' });
  });
});
