/**
 * What a board knows: the hub's figures per queue and the agents' states, kept in one
 * zustand store that the live socket feeds. A queue update replaces that queue only,
 * so one busy queue re-renders one tile.
 */
import { create } from 'zustand';
import type { AgentStatus, BoardUpdate, QueueFigures } from '../../../../shared/board.js';

export type BoardConnection = 'login' | 'connecting' | 'live' | 'reconnecting' | 'forbidden';

/** Why the last login or connection failed: a sentence of the locale files' "board", with its values. */
export type BoardProblem =
  | { key: 'wrongLogin' | 'sessionEnded' | 'hubUnreachable' }
  | { key: 'operatorForbidden'; values: { name: string } }
  | { key: 'loginFailed'; values: { reason: string } };

/** The live socket and its retries; closing it stops both. */
export interface BoardLink {
  close(): void;
}

interface BoardView {
  connection: BoardConnection;
  /** The link while there is one, held by the board's store so each board has its own and a logout reaches it. */
  link: BoardLink | null;
  /** Why the last login or connection failed, shown on the login form. */
  problem: BoardProblem | null;
  queues: Record<string, QueueFigures>;
  agents: Record<string, AgentStatus>;
  /** Tiles in a stable order: by queue name. */
  queueNames: string[];
  /** The zone whose midnight starts the board's day, as the hub said. */
  timeZone: string;
  setConnection(connection: BoardConnection, problem?: BoardProblem | null): void;
  setLink(link: BoardLink | null): void;
  apply(update: BoardUpdate): void;
}

export const useBoard = create<BoardView>()((set) => ({
  connection: 'login',
  link: null,
  problem: null,
  queues: {},
  agents: {},
  queueNames: [],
  timeZone: 'UTC',
  setConnection: (connection, problem = null) => set({ connection, problem }),
  setLink: (link) => set({ link }),
  apply: (update) =>
    set((view) => {
      switch (update.type) {
        case 'snapshot':
          return {
            queues: Object.fromEntries(update.snapshot.queues.map((q) => [q.settings.name, q])),
            agents: Object.fromEntries(update.snapshot.agents.map((a) => [a.agentId, a])),
            queueNames: update.snapshot.queues.map((q) => q.settings.name),
            timeZone: update.snapshot.timeZone,
          };
        case 'queue': {
          const name = update.queue.settings.name;
          const queueNames = name in view.queues ? view.queueNames : [...view.queueNames, name].sort((a, b) => a.localeCompare(b));
          return { queues: { ...view.queues, [name]: update.queue }, queueNames };
        }
        case 'agent':
          return { agents: { ...view.agents, [update.agent.agentId]: update.agent } };
      }
    }),
}));
