/**
 * A hub on a fresh database of the test's PostgreSQL, with one agent per role and the
 * fixture feed (tests/fixtures/feed) imported: what sync tests start from.
 */
import { createReadStream } from 'node:fs';
import pg from 'pg';
import { createAccounts } from '../../server/accounts.js';
import { migrateHub } from '../../server/db/migrations.js';
import { createPool } from '../../server/db/pool.js';
import { startHub } from '../../server/hub.js';
import { HubConfigSchema } from '../../server/hub-config.js';
import { importFeed } from '../../server/import/import-feed.js';
import { formatOf, type ImportKind } from '../../server/import/import-records.js';
import { silentLogger } from '../../electron/services/log.js';
import type { AgentRole, Session } from '../../shared/sync.js';
import type { PostgresServer } from './postgres.js';

export const FEED = 'tests/fixtures/feed';
export const PASSWORD = 'correct horse battery';

/** One agent per role; the operators' ids are what their desks write on notes. */
export const AGENTS: { username: string; name: string; role: AgentRole }[] = [
  { username: 'alice', name: 'Alice Operator', role: 'operator' },
  { username: 'bob', name: 'Bob Operator', role: 'operator' },
  { username: 'sam', name: 'Sam Supervisor', role: 'supervisor' },
  { username: 'root', name: 'Ida Admin', role: 'admin' },
];

export interface TestHub {
  url: string;
  databaseUrl: string;
  /** Reads and setup the tests do directly; the hub under test has its own pool. */
  db: pg.Pool;
  login(username: string): Promise<Session>;
  close(): Promise<void>;
}

export async function prepareAgents(pool: pg.Pool): Promise<void> {
  const accounts = createAccounts(pool, { sessionHours: 1 });
  for (const agent of AGENTS) await accounts.createAgent({ ...agent, password: PASSWORD });
}

export async function prepareHubDatabase(databaseUrl: string): Promise<void> {
  const pool = createPool(databaseUrl, 2);
  try {
    await migrateHub(pool);
    await prepareAgents(pool);
    const feed: [ImportKind, string][] = [['customers', 'customers.csv'], ['purchases', 'purchases.csv'], ['tickets', 'tickets.jsonl']];
    for (const [kind, file] of feed) await importFeed(pool, kind, createReadStream(`${FEED}/${file}`), { format: formatOf(file), region: 'BG' });
  } finally {
    await pool.end();
  }
}

export async function startTestHub(postgres: PostgresServer): Promise<TestHub> {
  const databaseUrl = await postgres.createDatabase();
  await prepareHubDatabase(databaseUrl);
  const hub = await startHub(HubConfigSchema.parse({ database: { url: databaseUrl }, listen: { port: 0 } }), silentLogger);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    url: hub.url,
    databaseUrl,
    db,
    async login(username) {
      const response = await fetch(`${hub.url}/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (response.status !== 201) throw new Error(`login as ${username}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Session;
    },
    async close() {
      await db.end();
      await hub.close();
    },
  };
}
