/**
 * A desk that vanishes without saying goodbye (a crash, a pulled cable, a machine that
 * lost power) shows offline on the board instead of "available" for ever. Every desk
 * holds the nudge WebSocket open; when the last one of an agent closes on this hub and
 * nothing is heard from that agent for the grace period, the hub records them offline.
 *
 * "Nothing heard" is judged by board event ids, which every hub instance folds in the
 * same order: a desk that reconnected to another instance re-reports its state there,
 * and that event is newer than the one noted at the close.
 */
import type { Logger } from 'pino';
import type { Agent } from '../../shared/sync.js';
import type { BoardFeed } from './board-feed.js';

export interface DeskPresence {
  opened(agent: Agent): void;
  closed(agent: Agent): void;
  close(): void;
}

export function createDeskPresence(board: BoardFeed, graceMs: number, log: Logger, now = () => new Date()): DeskPresence {
  const openSockets = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();

  async function markOfflineIfSilent(agent: Agent, eventAtClose: number): Promise<void> {
    if ((openSockets.get(agent.id) ?? 0) > 0) return;
    if (board.lastAgentEvent(agent.id) !== eventAtClose) return;
    const status = board.agent(agent.id);
    // An agent who never reported a state (a supervisor's desk) is not on the board; one who said goodbye is already offline.
    if (!status || status.state === 'offline') return;
    log.info({ agent: agent.id, graceMs }, 'desk gone without a word; the board shows the agent offline');
    await board.record([{ kind: 'agent', agentId: agent.id, name: agent.name, report: { state: 'offline', at: now().toISOString() } }]);
  }

  return {
    opened(agent) {
      openSockets.set(agent.id, (openSockets.get(agent.id) ?? 0) + 1);
    },
    closed(agent) {
      const left = (openSockets.get(agent.id) ?? 1) - 1;
      if (left > 0) openSockets.set(agent.id, left);
      else openSockets.delete(agent.id);
      const eventAtClose = board.lastAgentEvent(agent.id);
      const timer = setTimeout(() => {
        timers.delete(timer);
        markOfflineIfSilent(agent, eventAtClose).catch((err: unknown) => log.warn({ err, agent: agent.id }, 'could not mark a silent desk offline'));
      }, graceMs);
      timers.add(timer);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
