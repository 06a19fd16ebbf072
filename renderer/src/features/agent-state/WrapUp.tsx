import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskClient } from '../../api/desk-context.js';
import { useDeskView } from '../../state/desk-state.js';

/** In the annotation panel after a call: the wrap-up time left, and a button to end it early. */
export function WrapUp() {
  const { t } = useTranslation();
  const client = useDeskClient();
  const endsAt = useDeskView((v) => (v.agentState?.state === 'wrap_up' ? v.agentState.wrapUpEndsAt : null));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endsAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [endsAt]);
  if (endsAt === null) return null;
  const left = Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1_000));
  const end = () => void client.setAgentState({ state: 'available' }).then(useDeskView.getState().agentStateChanged);
  return (
    <p className="wrap-up" role="status" aria-label={t('agentState.wrapUp')}>
      {t('agentState.wrapUpLeft', { count: left })}
      <button type="button" className="ghost" onClick={end}>
        {t('agentState.endWrapUp')}
      </button>
    </p>
  );
}
