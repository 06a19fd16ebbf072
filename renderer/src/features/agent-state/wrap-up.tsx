import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskView } from '../../state/desk-state.js';

/** In the annotation panel after a call: the wrap-up time left, and a button to end it early. */
export function WrapUp() {
  const { t } = useTranslation();
  const endWrapUp = useDeskView((v) => v.endWrapUp);
  const endsAt = useDeskView((v) => (v.agentState?.state === 'wrap_up' ? v.agentState.wrapUpEndsAt : null));
  // The panel mounts with the call, long before its wrap-up: a clock read then would start the count that many seconds high.
  // So the clock is read when the wrap-up begins, before the browser paints it.
  const [clock, setClock] = useState<{ endsAt: string; now: number } | null>(null);
  useLayoutEffect(() => {
    if (endsAt === null) return;
    const tick = () => setClock({ endsAt, now: Date.now() });
    tick();
    const timer = setInterval(tick, 1_000);
    return () => clearInterval(timer);
  }, [endsAt]);
  if (endsAt === null || clock?.endsAt !== endsAt) return null;
  const left = Math.max(0, Math.ceil((Date.parse(endsAt) - clock.now) / 1_000));
  return (
    <p className="wrap-up" role="status" aria-label={t('agentState.wrapUp')}>
      {t('agentState.wrapUpLeft', { count: left })}
      <button type="button" className="ghost" onClick={() => void endWrapUp()}>
        {t('agentState.endWrapUp')}
      </button>
    </p>
  );
}
