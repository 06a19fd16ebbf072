/**
 * One running hub: the database door with its migrations brought forward, the change
 * listener, the board and the HTTP app, started in that order and stopped in reverse.
 * Stateless, so any number run side by side on one database (docs/scaling.md).
 */
import type { Logger } from 'pino';
import { createAccounts } from './accounts.js';
import { openHubDb } from './db/hub-db.js';
import type { HubConfig } from './hub-config.js';
import { createHubApp, type HubDeps } from './http/hub-app.js';
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
  const db = openHubDb(config.database.url, { poolSize: config.database.poolSize, log });
  try {
    const applied = await db.migrate();
    if (applied.length > 0) log.info({ applied }, 'hub schema migrated');
  } catch (err) {
    await db.close();
    throw err;
  }
  // On (re)connect the newest version goes out, so desks catch up on whatever was written while this hub was not listening.
  const changes = db.listenForChanges();
  const board = await startBoardFeed(db, config.board, log).catch(async (err: unknown) => {
    await changes.close();
    await db.close();
    throw err;
  });
  const presence = createDeskPresence(board, config.board.offlineAfterSeconds * 1_000, log);
  const app = createHubApp({ config, db, accounts: createAccounts(db.agents, config), changes, board, presence, log, ...options });
  let rollCall: RollCall | undefined;
  try {
    await app.listen({ host: config.listen.host, port: config.listen.port });
    rollCall = await startRollCall(db, board, presence, log);
  } catch (err) {
    await app.close();
    presence.close();
    await board.close();
    await changes.close();
    await db.close();
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
      await db.close();
    },
  };
}
