/**
 * The board's events in arrival order (server/board/board-feed.ts folds them), and the
 * roll call a starting hub makes (server/board/roll-call.ts). Both go to every hub through
 * NOTIFY, which PostgreSQL delivers on commit.
 */
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { BoardInput } from '../../shared/board.js';
import { type ChannelListener, listenOnChannel } from './channel-listener.js';
import { lockedTransaction } from './pool.js';

export interface BoardEvents {
  /**
   * The id just before the first event of the day `now` falls on in `timeZone` (midnight
   * there, by PostgreSQL's zone rules): a board folds today's events from there on. Not
   * "the last event before midnight": a bridge may deliver a late event from yesterday after today's.
   */
  idBeforeToday(now: Date, timeZone: string): Promise<number>;
  /** At most `limit` events after `id`, in id order. */
  eventsAfter(id: number, limit: number): Promise<{ id: number; input: BoardInput }[]>;
  /** Records the inputs in one transaction and tells every hub. */
  record(inputs: BoardInput[]): Promise<void>;
  /** Hears of every event recorded on any hub; on each (re)connect too, for what may have been missed meanwhile. */
  listen(): ChannelListener;
}

export interface RollCalls {
  /** Asks every hub, this one too, to say again the state of each agent whose desk is connected to it. */
  call(): Promise<void>;
  /** Hears every roll call; on each (re)connect too, as a call may have been missed meanwhile. */
  listen(): ChannelListener;
}

const BOARD_CHANNEL = 'agent_desk_board';
const ROLL_CALL_CHANNEL = 'agent_desk_roll_call';
/** Ids are drawn under this lock, so they become visible in order and a reader never skips one committed late. */
const BOARD_LOCK = 4_780_003;

const timeOf = (input: BoardInput) => (input.kind === 'pbx' ? input.event.at : input.report.at);

export function boardEvents(pool: Pool, url: string, log: Logger): BoardEvents {
  return {
    async idBeforeToday(now, timeZone) {
      const { rows } = await pool.query<{ id: number }>(
        `SELECT COALESCE(
           (SELECT min(id) - 1 FROM board_events WHERE at >= (date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2)),
           (SELECT max(id) FROM board_events),
           0) AS id`,
        [now, timeZone],
      );
      return rows[0]!.id;
    },

    async eventsAfter(id, limit) {
      return (await pool.query<{ id: number; input: BoardInput }>('SELECT id, input FROM board_events WHERE id > $1 ORDER BY id LIMIT $2', [id, limit])).rows;
    },

    async record(inputs) {
      await lockedTransaction(pool, BOARD_LOCK, async (client) => {
        await client.query('INSERT INTO board_events (at, input) SELECT * FROM unnest($1::timestamptz[], $2::jsonb[])', [
          inputs.map(timeOf),
          inputs.map((input) => JSON.stringify(input)),
        ]);
        await client.query('SELECT pg_notify($1, $2)', [BOARD_CHANNEL, '']);
      });
    },

    listen: () => listenOnChannel(url, BOARD_CHANNEL, log, async () => 'reconnected'),
  };
}

export function rollCalls(pool: Pool, url: string, log: Logger): RollCalls {
  return {
    async call() {
      await pool.query('SELECT pg_notify($1, $2)', [ROLL_CALL_CHANNEL, '']);
    },
    listen: () => listenOnChannel(url, ROLL_CALL_CHANNEL, log, async () => ''),
  };
}
