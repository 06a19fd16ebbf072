/** What the tray icon offers, in the agent's language; the Electron shell binds each item's action. */
import type { TFunction } from 'i18next';

export type TrayItem = { action: 'show' | 'quit'; label: string } | { action: 'board'; label: string; url: string } | { action: 'separator' };

export interface TrayMenu {
  tooltip: string;
  items: TrayItem[];
}

/** The board is the hub's page, so it is offered only with a hub, at the hub's /board/. */
export function trayMenu(t: TFunction, hubUrl: string | null): TrayMenu {
  const board: TrayItem[] = hubUrl ? [{ action: 'board', label: t('tray.board'), url: new URL('/board/', hubUrl).href }] : [];
  return {
    tooltip: t('tray.tooltip'),
    items: [{ action: 'show', label: t('tray.show') }, ...board, { action: 'separator' }, { action: 'quit', label: t('tray.quit') }],
  };
}
