/** The calls under way, newest last; Alt+1…9 jumps to one. */
import { useTranslation } from 'react-i18next';
import { useDeskView } from '../../state/desk-state.js';
import { callerName } from './card-title.js';

export function CallTabs() {
  const { t } = useTranslation();
  const cards = useDeskView((v) => v.cards);
  const chosen = useDeskView((v) => v.chosen);
  const focus = useDeskView((v) => v.focus);
  const settings = useDeskView((v) => v.settings);
  const focusOn = useDeskView((v) => v.focusOn);
  if (cards.length === 0 || !settings) return null;
  return (
    <nav className="panel" aria-label={t('app.callsUnderWay')}>
      <h2>{t('app.callsUnderWay')}</h2>
      <ol className="tabs">
        {cards.map((card, i) => {
          const current = focus.kind === 'call' && focus.callId === card.callId;
          return (
            <li key={card.callId}>
              <button
                type="button"
                className={`tab state-${card.state}`}
                aria-current={current ? 'true' : undefined}
                aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
                onClick={() => focusOn({ kind: 'call', callId: card.callId })}
              >
                {t('call.tab', { name: callerName(card, chosen, settings.region, t), state: t(`call.state.${card.state}`) })}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
