/**
 * A real PostgreSQL, a database prepared like test-hub's (agents, the fixture feed) and
 * the hub as a child process on a fixed loopback port, so a test can SIGKILL the hub and
 * start it again where its desks expect it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubConfigInput } from '../../server/hub-config.js';
import { freePort } from './desk-process.js';
import { type HubProcess, startHubProcess } from './hub-process.js';
import { type PostgresServer, startPostgres } from './postgres.js';
import { prepareHubDatabase } from './test-hub.js';

export interface HubOnPostgres {
  postgres: PostgresServer;
  /** A scratch folder for the test, removed by close(). */
  dir: string;
  databaseUrl: string;
  /** The hub running now: restart() replaces it. */
  readonly hub: HubProcess;
  restart(): Promise<HubProcess>;
  close(): Promise<void>;
}

/** `overrides`: hub.json fields for every start of this hub (hub-process.ts). */
export async function startHubOnPostgres(prefix: string, overrides: Partial<HubConfigInput> = {}): Promise<HubOnPostgres> {
  const postgres = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const databaseUrl = await postgres.createDatabase();
  await prepareHubDatabase(databaseUrl);
  const port = await freePort();
  let hub = await startHubProcess(dir, databaseUrl, port, overrides);
  return {
    postgres,
    dir,
    databaseUrl,
    get hub() {
      return hub;
    },
    async restart() {
      hub = await startHubProcess(dir, databaseUrl, port, overrides);
      return hub;
    },
    async close() {
      await hub.stop();
      await postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
