import { useTranslation } from 'react-i18next';
import { BREAK_REASONS, type RequestInput } from '../../../../shared/desk-api.js';
import { useDeskView } from '../../state/desk-state.js';

/** A break's option value: this, then its reason. */
const BREAK = 'break:';

/** The agent's own state for the supervisor board: available, or a break with its reason. Calls set the rest. */
export function AgentStateMenu() {
  const { t } = useTranslation();
  const agentState = useDeskView((v) => v.agentState);
  const setAgentState = useDeskView((v) => v.setAgentState);
  if (!agentState) return null;
  const value = agentState.state === 'break' ? `${BREAK}${agentState.breakReason ?? ''}` : agentState.state;
  const choose = (choice: string) => {
    const input: RequestInput<'setAgentState'> = choice.startsWith(BREAK)
      ? { state: 'break', breakReason: choice.slice(BREAK.length) as (typeof BREAK_REASONS)[number] }
      : { state: 'available' };
    void setAgentState(input);
  };
  const locked = agentState.state === 'ringing' || agentState.state === 'on_call' || agentState.state === 'wrap_up';
  return (
    <label className={`agent-state ${agentState.state}`}>
      <span className="visually-hidden">{t('agentState.label')}</span>
      <select aria-label={t('agentState.label')} value={locked ? agentState.state : value} onChange={(e) => choose(e.target.value)}>
        {locked && <option value={agentState.state}>{t(`board.states.${agentState.state}`)}</option>}
        <option value="available">{t('board.states.available')}</option>
        {BREAK_REASONS.map((reason) => (
          <option key={reason} value={`${BREAK}${reason}`}>
            {t('agentState.breakFor', { reason: t(`agentState.reasons.${reason}`) })}
          </option>
        ))}
      </select>
    </label>
  );
}
