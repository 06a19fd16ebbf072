/** The operator's screen: the bar on top, calls and the call log on the left, the card in the middle. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallLog } from './features/calllog/CallLog.js';
import { ConnectionStatus } from './features/connection/ConnectionStatus.js';
import { SyncStatus } from './features/connection/SyncStatus.js';
import { AgentStateMenu } from './features/agent-state/AgentStateMenu.js';
import { CustomerSearch } from './features/customer/CustomerSearch.js';
import { ExportDiagnostics } from './features/diagnostics/ExportDiagnostics.js';
import { CustomerView } from './features/customer/CustomerView.js';
import { useCustomerLoader } from './features/customer/use-customer-loader.js';
import { CallTabs } from './features/pop/CallTabs.js';
import { PopCardView } from './features/pop/PopCardView.js';
import { SettingsDialog } from './features/settings/SettingsDialog.js';
import { ShortcutHelp } from './features/shortcuts/ShortcutHelp.js';
import { useShortcuts } from './features/shortcuts/use-shortcuts.js';
import { SimulatorMenu } from './features/simulator/SimulatorMenu.js';
import { useDismissCard } from './features/pop/use-dismiss-card.js';
import { useDeskView } from './state/desk-state.js';

export function App() {
  const { t } = useTranslation();
  const settings = useDeskView((v) => v.settings);
  const focus = useDeskView((v) => v.focus);
  const cards = useDeskView((v) => v.cards);
  const focusOn = useDeskView((v) => v.focusOn);
  const dismissCard = useDismissCard();
  const loadCustomer = useCustomerLoader();
  const searchRef = useRef<HTMLInputElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const focusedCard = focus.kind === 'call' ? cards.find((c) => c.callId === focus.callId) : undefined;

  useShortcuts({
    focusSearch: () => searchRef.current?.focus(),
    dismiss: () => {
      if (focusedCard) dismissCard(focusedCard.callId);
      else if (focus.kind === 'customer') focusOn({ kind: 'none' });
    },
    switchToCall: (n) => {
      const card = cards[n - 1];
      if (card) focusOn({ kind: 'call', callId: card.callId });
    },
    toggleHelp: () => setHelpOpen((open) => !open),
  });

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">{t('app.title')}</h1>
        <CustomerSearch inputRef={searchRef} onPick={(c) => void loadCustomer(c.id).then((card) => focusOn({ kind: 'customer', card }))} />
        <div className="topbar-end">
          {settings && <span className="agent-name">{t('app.agent', { name: settings.agent.name })}</span>}
          <AgentStateMenu />
          <ConnectionStatus />
          <SyncStatus />
          <ExportDiagnostics />
          <button type="button" className="ghost" onClick={() => setSettingsOpen(true)}>
            {t('settings.open')}
          </button>
          <button type="button" className="ghost" aria-keyshortcuts="Shift+?" onClick={() => setHelpOpen(true)}>
            ?<span className="visually-hidden">{t('app.shortcutsButton')}</span>
          </button>
        </div>
      </header>
      {settings && settings.configuration.problems.length > 0 && (
        <div className="config-problems" role="alert">
          <strong>{t('app.configProblems')}</strong>
          <ul>
            {settings.configuration.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <aside className="sidebar">
        <CallTabs />
        {settings?.simulator && <SimulatorMenu />}
        <CallLog />
      </aside>
      <main className="stage">
        {/* A pop can arrive before the desk state on a (re)connect: cards wait for the settings they render with. */}
        {!settings ? null : focusedCard ? (
          <PopCardView key={focusedCard.callId} card={focusedCard} />
        ) : focus.kind === 'customer' ? (
          <CustomerView key={focus.card.customer.id} card={focus.card} />
        ) : (
          <p className="placeholder">{t('app.nothingYet')}</p>
        )}
      </main>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
