/** The calls under way and the unsaved notes, newest call last; Alt+1…9 jumps to one, Alt+↓ to the next (shortcut-table.ts). */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Draft, draftKey } from '../../../../shared/draft.js';
import type { Region } from '../../../../shared/domain.js';
import { formatNumber } from '../../format.js';
import { useDeskView } from '../../state/desk-state.js';
import { type CallTab, callKey, isOnScreen, tabFocus, useCallTabs } from './call-tabs.js';
import { callerName } from './card-title.js';
import { IncomingCallNotice } from './incoming-call-notice.js';
import './drafts.css';

/** Whose a draft is when its call has left the desk: the name or number it was written for. */
export function draftCaller(draft: Draft, region: Region, t: TFunction): string {
  return draft.customerName ?? (draft.phone ? formatNumber(draft.phone, region) : t('draft.unknownCaller'));
}

export function CallTabs() {
  const { t } = useTranslation();
  const tabs = useCallTabs();
  const chosen = useDeskView((v) => v.chosen);
  const focus = useDeskView((v) => v.focus);
  const settings = useDeskView((v) => v.settings);
  const focusOn = useDeskView((v) => v.focusOn);
  if (!settings || tabs.length === 0) return null;
  const label = (tab: CallTab) => {
    if (tab.kind === 'draft') return t('draft.tab', { name: draftCaller(tab.draft, settings.region, t) });
    const values = { name: callerName(tab.card, chosen, settings.region, t), state: t(`call.state.${tab.card.state}`) };
    return tab.draft ? t('call.tabDraft', values) : t('call.tab', values);
  };
  return (
    <nav className="panel" aria-label={t('app.callsUnderWay')}>
      <h2>{t('app.callsUnderWay')}</h2>
      <IncomingCallNotice />
      <ol className="tabs">
        {tabs.map((tab, i) => {
          const target = tabFocus(tab);
          const current = isOnScreen(tab, focus);
          return (
            <li key={tab.kind === 'call' ? callKey(tab.card.callId) : draftKey(tab.draft)}>
              <button
                type="button"
                className={tab.kind === 'call' ? `tab state-${tab.card.state}` : 'tab draft-only'}
                aria-current={current ? 'true' : undefined}
                aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
                onClick={() => focusOn(target)}
              >
                {label(tab)}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
