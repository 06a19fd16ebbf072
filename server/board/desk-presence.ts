/**
 * A desk that vanishes without saying goodbye (a crash, a pulled cable, a machine that
 * lost power) shows offline on the board instead of "available" for ever. Every desk
 * holds the nudge WebSocket open; when the last one of an agent closes on this hub and
 * nothing is heard from that agent for the grace period, the hub records them offline.
 * A hub that starts (or restarts) gives every agent the board still shows as present the
 * same grace: one whose desk died while no hub was up to see its socket close would
 * otherwise keep its last state for the rest of the day.
 *
 * "Nothing heard" is judged by board event ids, which every hub instance folds in the
 * same order: a desk that reconnected to another instance re-reports its state there,
 * and that event is newer than the one noted at the close. A desk that stayed connected
 * to another instance throughout is vouched for by that instance's answer to the roll
 * call a starting hub makes (roll-call.ts).
 */
import type { Logger } from 'pino';
import type { AgentStatus, BoardInput } from '../../shared/board.js';
import type { Agent } from '../../shared/sync.js';
import type { BoardFeed } from './board-feed.js';

export interface DeskPresence {
  opened(agent: Agent): void;
  closed(agent: Agent): void;
  /** At start: every agent the board shows as present is offline after the grace unless heard from. */
  watchFromStart(): void;
  /** This instance's answer to a roll call: the state of every agent whose desk is connected here, said again. */
  rollCallAnswer(): BoardInput[];
  close(): void;
}

/** An agent's status as the report that would set it again, unchanged (the same state, since the same time). */
function reportOf(status: AgentStatus): BoardInput {
  return {
    kind: 'agent',
    agentId: status.agentId,
    name: status.name,
    report: {
      state: status.state,
      ...(status.state === 'break' && status.breakReason ? { breakReason: status.breakReason } : {}),
      ...(status.call ? { call: status.call } : {}),
      at: status.since,
    },
  };
}

export function createDeskPresence(board: BoardFeed, graceMs: number, log: Logger, now = () => new Date()): DeskPresence {
  const openSockets = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();

  async function markOfflineIfSilent(agent: Pick<Agent, 'id' | 'name'>, eventAtClose: number): Promise<void> {
    if ((openSockets.get(agent.id) ?? 0) > 0) return;
    if (board.lastAgentEvent(agent.id) !== eventAtClose) return;
    const status = board.agent(agent.id);
    // An agent who never reported a state (a supervisor's desk) is not on the board; one who said goodbye is already offline.
    if (!status || status.state === 'offline') return;
    log.info({ agent: agent.id, graceMs }, 'desk gone without a word; the board shows the agent offline');
    await board.record([{ kind: 'agent', agentId: agent.id, name: agent.name, report: { state: 'offline', at: now().toISOString() } }]);
  }

  function afterGrace(agent: Pick<Agent, 'id' | 'name'>): void {
    const eventNow = board.lastAgentEvent(agent.id);
    const timer = setTimeout(() => {
      timers.delete(timer);
      markOfflineIfSilent(agent, eventNow).catch((err: unknown) => log.warn({ err, agent: agent.id }, 'could not mark a silent desk offline'));
    }, graceMs);
    timers.add(timer);
  }

  return {
    opened(agent) {
      openSockets.set(agent.id, (openSockets.get(agent.id) ?? 0) + 1);
    },
    closed(agent) {
      const left = (openSockets.get(agent.id) ?? 1) - 1;
      if (left > 0) openSockets.set(agent.id, left);
      else openSockets.delete(agent.id);
      afterGrace(agent);
    },
    watchFromStart() {
      for (const status of board.snapshot().agents) if (status.state !== 'offline') afterGrace({ id: status.agentId, name: status.name });
    },
    rollCallAnswer() {
      return [...openSockets.keys()].flatMap((id) => {
        const status = board.agent(id);
        return status && status.state !== 'offline' ? [reportOf(status)] : [];
      });
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
