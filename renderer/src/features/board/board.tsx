import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentState } from '../../../../shared/board.js';
import { labelIn } from '../../../../shared/i18n/localised-label.js';
import { AgentList } from './agent-list.js';
import { logOut } from './board-client.js';
import { ChartLegend } from './chart-legend.js';
import { useBoardFormats, useBoardLocale } from './board-language.js';
import { soundAlarm } from './alarm.js';
import { useBoard } from './board-state.js';
import { queueLevels } from './levels.js';
import { QueueTile } from './queue-tile.js';
import { useNow } from './use-now.js';

/** The states the header counts agents in. */
const SUMMARY_STATES: AgentState[] = ['available', 'ringing', 'on_call', 'wrap_up', 'break'];

/** The wallboard: a tile per queue, then every agent; readable from across the room. */
export function Board() {
  const { t } = useTranslation();
  const now = useNow();
  const connection = useBoard((v) => v.connection);
  const queues = useBoard((v) => v.queues);
  const queueNames = useBoard((v) => v.queueNames);
  const timeZone = useBoard((v) => v.timeZone);
  const agentsById = useBoard((v) => v.agents);
  const agents = useMemo(() => Object.values(agentsById).sort((a, b) => a.name.localeCompare(b.name)), [agentsById]);
  const locale = useBoardLocale();
  const format = useBoardFormats();
  const queueLabel = (name: string) => labelIn(queues[name]?.settings.label ?? name, locale);
  const [sound, setSound] = useState(false);
  const red = useRef(new Set<string>());

  useEffect(() => {
    for (const name of queueNames) {
      const isRed = queueLevels(queues[name]!, now).tile === 'red';
      if (isRed && !red.current.has(name) && sound) soundAlarm();
      if (isRed) red.current.add(name);
      else red.current.delete(name);
    }
  }, [queues, queueNames, now, sound]);

  const states = agents.reduce<Record<string, number>>((count, a) => ({ ...count, [a.state]: (count[a.state] ?? 0) + 1 }), {});
  return (
    <main className="board">
      <header className="board-header">
        <h1>{t('board.title')}</h1>
        <p className="board-summary">
          {SUMMARY_STATES.map((state) => (
            <span key={state} className={`agent-count ${state}`}>
              {t(`board.states.${state}`)}: <strong>{format.count(states[state] ?? 0)}</strong>
            </span>
          ))}
        </p>
        <label className="sound-toggle">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} /> {t('board.sound')}
        </label>
        <span role="status" className={`connection ${connection === 'live' ? 'connected' : 'connecting'}`}>
          {t(`board.connection.${connection}`)}
        </span>
        <button type="button" className="secondary" onClick={() => void logOut()}>
          {t('board.logOut')}
        </button>
      </header>
      <ChartLegend />
      <div className="queue-grid">
        {queueNames.map((name) => (
          <QueueTile key={name} queue={queues[name]!} now={now} />
        ))}
      </div>
      <p className="board-definitions">{t('board.definitions', { timeZone })}</p>
      <AgentList agents={agents} now={now} queueLabel={queueLabel} />
    </main>
  );
}
