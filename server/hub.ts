/**
 * One running hub: migrations brought forward, the pool, the change listener and the
 * HTTP app, started in that order and stopped in reverse. Stateless, so any number
 * run side by side on one database (docs/scaling.md).
 */
import type { Logger } from 'pino';
import { createAccounts } from './accounts.js';
import { migrateHub } from './db/migrations.js';
import { CHANGES_CHANNEL, createPool, newestVersion } from './db/pool.js';
import type { HubConfig } from './hub-config.js';
import { createHubApp, type HubDeps } from './http/hub-app.js';
import { listenOnChannel } from './sync/fanout.js';
import { startBoardFeed } from './board/board-feed.js';
import { createDeskPresence } from './board/desk-presence.js';
import { type RollCall, startRollCall } from './board/roll-call.js';
import { announceBoardPages, BUILT_RENDERER } from './board/board-pages.js';

export interface RunningHub {
  url: string;
  close(): Promise<void>;
}

/** What a test may give a hub beyond its configuration. */
export type HubOptions = Pick<HubDeps, 'boardPages' | 'timeouts' | 'loginThrottle'>;

export async function startHub(config: HubConfig, log: Logger, options: HubOptions = {}): Promise<RunningHub> {
  const pool = createPool(config.database.url, config.database.poolSize);
  pool.on('error', (err) => log.warn({ err }, 'an idle database connection failed'));
  try {
    const applied = await migrateHub(pool);
    if (applied.length > 0) log.info({ applied }, 'hub schema migrated');
  } catch (err) {
    await pool.end();
    throw err;
  }
  // On (re)connect the newest version goes out, so desks catch up on whatever was written while this hub was not listening.
  const changes = listenOnChannel(config.database.url, CHANGES_CHANNEL, log, async (client) => String(await newestVersion(client)));
  const board = await startBoardFeed(pool, config.database.url, config.board, log).catch(async (err: unknown) => {
    await changes.close();
    await pool.end();
    throw err;
  });
  const presence = createDeskPresence(board, config.board.offlineAfterSeconds * 1_000, log);
  const app = createHubApp({ config, pool, accounts: createAccounts(pool, config), changes, board, presence, log, ...options });
  let rollCall: RollCall | undefined;
  try {
    await app.listen({ host: config.listen.host, port: config.listen.port });
    rollCall = await startRollCall(pool, config.database.url, board, presence, log);
  } catch (err) {
    await app.close();
    presence.close();
    await board.close();
    await changes.close();
    await pool.end();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.listen.port;
  const host = config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host;
  const url = `${config.tls ? 'https' : 'http'}://${host}:${port}`;
  log.info({ url, tls: config.tls !== undefined }, 'hub listening');
  announceBoardPages(BUILT_RENDERER, log);
  return {
    url,
    async close() {
      await app.close();
      await rollCall?.close();
      presence.close();
      await board.close();
      await changes.close();
      await pool.end();
    },
  };
}
