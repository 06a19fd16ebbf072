import { useTranslation } from 'react-i18next';
import type { AgentStatus } from '../../../../shared/board.js';

const elapsed = (since: string, now: number) => {
  const total = Math.max(0, Math.floor((now - Date.parse(since)) / 1_000));
  const hours = Math.floor(total / 3_600);
  const rest = `${String(Math.floor((total % 3_600) / 60)).padStart(hours ? 2 : 1, '0')}:${String(total % 60).padStart(2, '0')}`;
  return hours ? `${hours}:${rest}` : rest;
};

interface Props {
  agents: AgentStatus[];
  now: number;
  /** A queue as the board labels it. */
  queueLabel(name: string): string;
}

/** Every agent with their state, how long they have been in it, and the call they are on. */
export function AgentList({ agents, now, queueLabel }: Props) {
  const { t } = useTranslation();
  const state = (agent: AgentStatus) =>
    agent.state === 'break' && agent.breakReason
      ? t('agentState.breakFor', { reason: t(`agentState.reasons.${agent.breakReason}`, agent.breakReason) })
      : t(`board.states.${agent.state}`);
  return (
    <table className="agent-list" aria-label={t('board.agents')}>
      <thead>
        <tr>
          <th>{t('board.agent')}</th>
          <th>{t('board.state')}</th>
          <th>{t('board.timeInState')}</th>
          <th>{t('board.customer')}</th>
          <th>{t('board.queue')}</th>
        </tr>
      </thead>
      <tbody>
        {agents.map((agent) => (
          <tr key={agent.agentId} className={`agent ${agent.state}`} data-agent={agent.agentId}>
            <td>{agent.name}</td>
            <td>{state(agent)}</td>
            <td>{elapsed(agent.since, now)}</td>
            <td>{agent.call?.customer ?? ''}</td>
            <td>{agent.call?.queue ? queueLabel(agent.call.queue) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
