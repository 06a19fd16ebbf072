/**
 * The board's events, kept in PostgreSQL and folded by every hub instance in the same
 * order. A hub records what it is told (PBX events, desks' agent states) in one
 * transaction and NOTIFYs; every hub, itself included, reads what it has not applied
 * yet by id. At start a hub replays today's events, so a restart loses no counter.
 */
import type { Logger } from 'pino';
import type { AgentStatus, BoardInput, BoardSnapshot, BoardUpdate, QueueSettings } from '../../shared/board.js';
import type { HubDb } from '../db/hub-db.js';
import { createBoardFigures } from './board-figures.js';

/** The hub config's board section: the queues' settings and the zone of the board's day. */
export interface BoardSettings {
  queues: QueueSettings[];
  timeZone: string;
}

const READ_PAGE = 5_000;

export interface BoardFeed {
  record(inputs: BoardInput[]): Promise<void>;
  snapshot(): BoardSnapshot;
  agent(agentId: string): AgentStatus | undefined;
  /** The id of the newest event from or about this agent that this instance has applied; 0 for none. */
  lastAgentEvent(agentId: string): number;
  subscribe(listener: (update: BoardUpdate) => void): () => void;
  close(): Promise<void>;
}

export async function startBoardFeed({ board }: Pick<HubDb, 'board'>, settings: BoardSettings, log: Logger, now = () => new Date()): Promise<BoardFeed> {
  const figures = createBoardFigures(settings.queues, settings.timeZone);
  const listeners = new Set<(update: BoardUpdate) => void>();
  // From the first event of today on, in id order.
  let lastId = await board.idBeforeToday(now(), settings.timeZone);
  const lastAgentEvents = new Map<string, number>();
  let reading: Promise<void> | null = null;
  let followUp: Promise<void> | null = null;

  async function readNew(): Promise<void> {
    for (;;) {
      const rows = await board.eventsAfter(lastId, READ_PAGE);
      const queuesChanged = new Set<string>();
      const agentsChanged = new Set<string>();
      for (const row of rows) {
        const change = figures.apply(row.input);
        if (change && 'queue' in change) queuesChanged.add(change.queue);
        if (change && 'agentId' in change) {
          agentsChanged.add(change.agentId);
          lastAgentEvents.set(change.agentId, row.id);
        }
        lastId = row.id;
      }
      const updates: BoardUpdate[] = [
        ...[...queuesChanged].map((name): BoardUpdate => ({ type: 'queue', queue: figures.queue(name) })),
        ...[...agentsChanged].map((id): BoardUpdate => ({ type: 'agent', agent: figures.agent(id)! })),
      ];
      for (const update of updates) for (const listener of listeners) listener(update);
      if (rows.length < READ_PAGE) return;
    }
  }

  /**
   * One reader at a time; a call during a read is served by one more read after it,
   * shared by every call that came meanwhile. Resolves once what was committed before
   * the call has been applied.
   */
  function read(): Promise<void> {
    if (!reading) {
      reading = readNew()
        .catch((err: unknown) => log.warn({ err }, 'board events could not be read; the next nudge retries'))
        .finally(() => {
          reading = null;
        });
      return reading;
    }
    followUp ??= reading.then(() => {
      followUp = null;
      return read();
    });
    return followUp;
  }

  await readNew();
  const channel = board.listen();
  channel.subscribe(() => void read());

  return {
    async record(inputs) {
      await board.record(inputs);
      // Read-your-writes: whoever recorded an event sees it on this instance's board at once.
      await read();
    },
    snapshot: () => figures.snapshot(now()),
    agent: (agentId) => figures.agent(agentId),
    lastAgentEvent: (agentId) => lastAgentEvents.get(agentId) ?? 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await channel.close();
      await reading;
    },
  };
}
