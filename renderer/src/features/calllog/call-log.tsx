/** Finished calls, newest first; a row opens the call again if the desk still has its card or its draft, else the caller's customer card. */
import { useTranslation } from 'react-i18next';
import type { CallLogEntry } from '../../../../shared/call.js';
import { formatNumber } from '../../format.js';
import { useDeskFormats } from '../../i18n/desk-language.js';
import { useDeskView } from '../../state/desk-state.js';
import { callKey, reopenFocus } from '../pop/call-tabs.js';

export function CallLog() {
  const { t } = useTranslation();
  const entries = useDeskView((v) => v.callLog);
  const region = useDeskView((v) => v.settings?.region ?? 'BG');
  const focusOn = useDeskView((v) => v.focusOn);
  const cards = useDeskView((v) => v.cards);
  const drafts = useDeskView((v) => v.drafts);
  const openCustomer = useDeskView((v) => v.openCustomer);
  const format = useDeskFormats();

  const caller = (e: CallLogEntry) =>
    e.customerName ?? (e.phone ? formatNumber(e.phone, region) : e.match === 'withheld' ? t('callLog.withheld') : e.remoteRaw || t('callLog.unknownCaller'));

  return (
    <section className="panel call-log" aria-labelledby="call-log-title">
      <h2 id="call-log-title">{t('callLog.title')}</h2>
      {entries.length === 0 && <p className="meta">{t('callLog.empty')}</p>}
      <ul aria-label={t('callLog.title')}>
        {entries.map((e) => {
          const again = reopenFocus(e.callId, cards, drafts);
          const customerId = e.customerId;
          return (
            <li key={e.callId} className={`outcome-${e.outcome}`}>
              <button
                type="button"
                className="log-row"
                disabled={again === null && customerId === null}
                onClick={() => {
                  if (again) focusOn(again);
                  else if (customerId) void openCustomer(customerId);
                }}
              >
                <span className="name">{caller(e)}</span>
                <span className="meta">
                  {t(`callLog.outcome.${e.outcome}`)} · {format.time(e.endedAt)}
                  {callKey(e.callId) in drafts && ` · ${t('callLog.draft')}`}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
