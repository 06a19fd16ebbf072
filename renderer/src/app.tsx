/** The operator's screen: the bar on top, calls and the call log on the left, the card in the middle. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallLog } from './features/calllog/call-log.js';
import { ConnectionStatus } from './features/connection/connection-status.js';
import { SyncStatus } from './features/connection/sync-status.js';
import { AgentStateMenu } from './features/agent-state/agent-state-menu.js';
import { CustomerSearch } from './features/customer/customer-search.js';
import { ExportDiagnostics } from './features/diagnostics/export-diagnostics.js';
import { CustomerView } from './features/customer/customer-view.js';
import { CallTabs } from './features/pop/call-tabs-view.js';
import { PopCardView } from './features/pop/pop-card-view.js';
import { ConfigProblemList } from './features/settings/config-problem-list.js';
import { SettingsDialog } from './features/settings/settings-dialog.js';
import { ShortcutHelp } from './features/shortcuts/shortcut-help.js';
import { isTyping, useShortcuts } from './features/shortcuts/use-shortcuts.js';
import { type NoteFormKeys, NoteFormKeysContext } from './features/shortcuts/note-form-keys.js';
import { ariaKeyShortcuts } from './features/shortcuts/shortcut-table.js';
import { SimulatorMenu } from './features/simulator/simulator-menu.js';
import { StoreSetAsideNotice } from './features/store/store-set-aside-notice.js';
import { isOnScreen, tabFocus, useCallTabs } from './features/pop/call-tabs.js';
import { DraftView } from './features/annotation/draft-view.js';
import { ProblemList } from './features/problems/problem-list.js';
import { useDeskView } from './state/desk-state.js';

export function App() {
  const { t } = useTranslation();
  const settings = useDeskView((v) => v.settings);
  const focus = useDeskView((v) => v.focus);
  const cards = useDeskView((v) => v.cards);
  const focusOn = useDeskView((v) => v.focusOn);
  const setWriting = useDeskView((v) => v.setWriting);
  const drafts = useDeskView((v) => v.drafts);
  const tabs = useCallTabs();
  const closeCard = useDeskView((v) => v.closeCard);
  const openCustomer = useDeskView((v) => v.openCustomer);
  const searchRef = useRef<HTMLInputElement>(null);
  const noteForm = useRef<NoteFormKeys | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const focusedCard = focus.kind === 'call' ? cards.find((c) => c.callId === focus.callId) : undefined;

  useShortcuts({
    note: () => noteForm.current?.note(),
    disposition: () => noteForm.current?.disposition(),
    pickOutcome: (n) => noteForm.current?.pickOutcome(n),
    followUp: () => noteForm.current?.followUp(),
    save: () => noteForm.current?.save(),
    nextCall: () => {
      const next = tabs[(tabs.findIndex((tab) => isOnScreen(tab, focus)) + 1) % tabs.length];
      if (next) focusOn(tabFocus(next));
    },
    switchCall: (n) => {
      const tab = tabs[n - 1];
      if (tab) focusOn(tabFocus(tab));
    },
    search: () => searchRef.current?.focus(),
    dismiss: () => {
      if (focusedCard) void closeCard(focusedCard.callId);
      else if (focus.kind !== 'none') focusOn({ kind: 'none' });
    },
    help: () => setHelpOpen((open) => !open),
  });

  return (
    <NoteFormKeysContext value={noteForm}>
    <div className="app">
      <header className="topbar">
        <h1 className="brand">{t('app.title')}</h1>
        <CustomerSearch inputRef={searchRef} onPick={(c) => void openCustomer(c.id)} />
        <div className="topbar-end">
          {settings && <span className="agent-name">{t('app.agent', { name: settings.agent.name })}</span>}
          <AgentStateMenu />
          <ConnectionStatus />
          <SyncStatus />
          <ExportDiagnostics />
          <button type="button" className="ghost" onClick={() => setSettingsOpen(true)}>
            {t('settings.open')}
          </button>
          <button type="button" className="ghost" aria-keyshortcuts={ariaKeyShortcuts('help')} onClick={() => setHelpOpen(true)}>
            ?<span className="visually-hidden">{t('app.shortcutsButton')}</span>
          </button>
        </div>
      </header>
      <div className="notices">
        <ProblemList />
        {settings && settings.configuration.problems.length > 0 && (
          <div className="notice" role="alert">
            <strong>{t('app.configProblems')}</strong>
            <ConfigProblemList problems={settings.configuration.problems} />
          </div>
        )}
        <StoreSetAsideNotice />
      </div>
      <aside className="sidebar">
        <CallTabs />
        {settings?.simulator && <SimulatorMenu />}
        <CallLog />
      </aside>
      <main className="stage" onFocus={(e) => setWriting(isTyping(e.target))} onBlur={() => setWriting(false)}>
        {/* A pop can arrive before the desk state on a (re)connect: cards wait for the settings they render with. */}
        {!settings ? null : focusedCard ? (
          <PopCardView key={focusedCard.callId} card={focusedCard} />
        ) : focus.kind === 'customer' ? (
          <CustomerView key={focus.card.customer.id} card={focus.card} />
        ) : focus.kind === 'draft' && drafts[focus.key] ? (
          <DraftView key={focus.key} draft={drafts[focus.key]!} />
        ) : (
          <p className="placeholder">{t('app.nothingYet')}</p>
        )}
      </main>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </div>
    </NoteFormKeysContext>
  );
}
