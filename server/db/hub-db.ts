/**
 * The hub's database door. Every statement the hub runs is a function here or in the
 * modules beside it, one per operation (as graphile-worker's src/sql/ does), named for what
 * it means; the routes, the board, the import and the CLI hold a HubDb, never a pool, a
 * client or a line of SQL, and `pg` is imported only under server/db/.
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { PullQuerySchema } from '../../shared/sync.js';
import { type AgentRecords, agentRecords } from './agents.js';
import { type BoardEvents, boardEvents, type RollCalls, rollCalls } from './board-events.js';
import { type ChannelListener, listenOnChannel } from './channel-listener.js';
import { type FeedUpserts, feedUpserts } from './feed-upserts.js';
import { migrateHub } from './migrations.js';
import { CHANGES_CHANNEL, createPool, newestVersion, writeTransaction } from './pool.js';
import { pullPage } from './pull-page.js';
import { type PushWrites, pushWrites } from './push-writes.js';

/** What one write transaction may do. */
interface HubWrites {
  readonly push: PushWrites;
  readonly feed: FeedUpserts;
  /**
   * Runs `work` under a savepoint: when it throws, its writes alone are undone and the
   * error goes on to the caller, who may let the rest of the transaction commit.
   */
  inSavepoint<T>(work: () => Promise<T>): Promise<T>;
}

export interface HubDb {
  /** Brings the database to the newest schema (migrations.ts); the versions it applied. */
  migrate(): Promise<number[]>;
  /** Resolves once the database answers. */
  ping(): Promise<void>;
  readonly agents: AgentRecords;
  /** The changes after a desk's cursor as JSON text, ready to send (pull-page.ts). */
  pullPage(query: z.output<typeof PullQuerySchema>): Promise<string>;
  /** Runs `work` in one transaction under the write lock; every hub hears the newest version once it commits (pool.ts). */
  write<T>(work: (tx: HubWrites) => Promise<T>): Promise<T>;
  /** The newest committed version, whichever hub wrote it; on each (re)connect too, for what was written meanwhile. */
  listenForChanges(): ChannelListener;
  readonly board: BoardEvents;
  readonly rollCalls: RollCalls;
  /** Ends the pool; close every listener first. */
  close(): Promise<void>;
}

interface HubDbOptions {
  poolSize: number;
  /** Where a failed idle connection and a listener's reconnects are told. */
  log: Logger;
}

export function openHubDb(url: string, { poolSize, log }: HubDbOptions): HubDb {
  const pool = createPool(url, poolSize);
  pool.on('error', (err) => log.warn({ err }, 'an idle database connection failed'));
  return {
    migrate: () => migrateHub(pool),
    async ping() {
      await pool.query('SELECT 1');
    },
    agents: agentRecords(pool),
    pullPage: (query) => pullPage(pool, query),
    write: (work) =>
      writeTransaction(pool, (client) =>
        work({
          push: pushWrites(client),
          feed: feedUpserts(client),
          async inSavepoint(attempt) {
            await client.query('SAVEPOINT entry');
            try {
              const result = await attempt();
              await client.query('RELEASE SAVEPOINT entry');
              return result;
            } catch (err) {
              // Not caught: a caller that goes on counts on these writes being undone, and must not commit if they are not.
              await client.query('ROLLBACK TO SAVEPOINT entry');
              throw err;
            }
          },
        }),
      ),
    listenForChanges: () => listenOnChannel(url, CHANGES_CHANNEL, log, async (client) => String(await newestVersion(client))),
    board: boardEvents(pool, url, log),
    rollCalls: rollCalls(pool, url, log),
    close: () => pool.end(),
  };
}
