/**
 * The board's events, kept in PostgreSQL and folded by every hub instance in the same
 * order. A hub records what it is told (PBX events, desks' agent states) in one
 * transaction and NOTIFYs; every hub, itself included, reads what it has not applied
 * yet by id. At start a hub replays today's events, so a restart loses no counter.
 */
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { AgentStatus, BoardInput, BoardSnapshot, BoardUpdate, QueueSettings } from '../../shared/board.js';
import { lockedTransaction } from '../db/pool.js';
import { listenOnChannel } from '../sync/fanout.js';
import { createBoardFigures } from './board-figures.js';

/** The hub config's board section: the queues' settings and the zone of the board's day. */
export interface BoardSettings {
  queues: QueueSettings[];
  timeZone: string;
}

export const BOARD_CHANNEL = 'agent_desk_board';
/** Ids are drawn under this lock, so they become visible in order and a reader never skips one committed late. */
const BOARD_LOCK = 4_780_003;
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

const timeOf = (input: BoardInput) => (input.kind === 'pbx' ? input.event.at : input.report.at);

export async function startBoardFeed(pool: Pool, url: string, settings: BoardSettings, log: Logger, now = () => new Date()): Promise<BoardFeed> {
  const figures = createBoardFigures(settings.queues, settings.timeZone);
  const listeners = new Set<(update: BoardUpdate) => void>();
  // From the first event of today (midnight in the board's zone, by PostgreSQL's zone rules) on, in id order.
  // Not "after the last event before midnight": a bridge may deliver a late event from yesterday after today's.
  let lastId = (
    await pool.query<{ id: number }>(
      `SELECT COALESCE(
         (SELECT min(id) - 1 FROM board_events WHERE at >= (date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2)),
         (SELECT max(id) FROM board_events),
         0) AS id`,
      [now(), settings.timeZone],
    )
  ).rows[0]!.id;
  const lastAgentEvents = new Map<string, number>();
  let reading: Promise<void> | null = null;
  let followUp: Promise<void> | null = null;

  async function readNew(): Promise<void> {
    for (;;) {
      const { rows } = await pool.query<{ id: number; input: BoardInput }>(
        'SELECT id, input FROM board_events WHERE id > $1 ORDER BY id LIMIT $2',
        [lastId, READ_PAGE],
      );
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
  const channel = listenOnChannel(url, BOARD_CHANNEL, log, async () => 'reconnected');
  channel.subscribe(() => void read());

  return {
    async record(inputs) {
      await lockedTransaction(pool, BOARD_LOCK, async (client) => {
        await client.query('INSERT INTO board_events (at, input) SELECT * FROM unnest($1::timestamptz[], $2::jsonb[])', [
          inputs.map(timeOf),
          inputs.map((input) => JSON.stringify(input)),
        ]);
        await client.query('SELECT pg_notify($1, $2)', [BOARD_CHANNEL, '']);
      });
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
