/**
 * A hub on a fresh database of the test's PostgreSQL, with one agent per role and the
 * fixture feed (tests/fixtures/feed) imported: what sync tests start from.
 */
import { createReadStream } from 'node:fs';
import pg from 'pg';
import { createAccounts } from '../../server/accounts.js';
import { type HubDb, openHubDb } from '../../server/db/hub-db.js';
import { startHub } from '../../server/hub.js';
import { HubConfigSchema } from '../../server/hub-config.js';
import { importFeed } from '../../server/import/import-feed.js';
import { formatOf, type ImportKind } from '../../server/import/import-records.js';
import { silentLogger } from '../../electron/services/log.js';
import { type HubRequestName, type HubRequestRoute, hubRequests } from '../../shared/hub-api.js';
import { createHubClient, type HubAnswer } from '../../shared/hub-client.js';
import type { AgentRole, Session } from '../../shared/sync.js';
import { type PostgresServer, startPostgres } from './postgres.js';

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

/** The hub's database door on `databaseUrl`, for setting a database up as a hub would. */
export const openTestHubDb = (databaseUrl: string): HubDb => openHubDb(databaseUrl, { poolSize: 2, log: silentLogger });

/** The fixture feed, in the order an import takes it: customers before what names them. */
const FIXTURE_FEED: [ImportKind, string][] = [['customers', 'customers.csv'], ['purchases', 'purchases.csv'], ['tickets', 'tickets.jsonl']];

/** Migrated through the hub's door, with {@link AGENTS} and the feed given (the fixture feed unless told otherwise) imported. */
export async function prepareHubDatabase(databaseUrl: string, feed = FIXTURE_FEED): Promise<void> {
  const db = openTestHubDb(databaseUrl);
  try {
    await db.migrate();
    const accounts = createAccounts(db.agents, { sessionHours: 1 });
    for (const agent of AGENTS) await accounts.createAgent({ ...agent, password: PASSWORD });
    for (const [kind, file] of feed) await importFeed(db, kind, createReadStream(`${FEED}/${file}`), { format: formatOf(file), region: 'BG' });
  } finally {
    await db.close();
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
    login: (username) => signIn(hub.url, username),
    async close() {
      await db.end();
      await hub.close();
    },
  };
}

export interface HubOnOwnPostgres extends TestHub {
  postgres: PostgresServer;
}

/** A PostgreSQL of the test file's own with a test hub on it; `close()` stops both. */
export async function startHubOnOwnPostgres(): Promise<HubOnOwnPostgres> {
  const postgres = await startPostgres();
  try {
    const hub = await startTestHub(postgres);
    return { ...hub, postgres, close: () => hub.close().finally(() => postgres.stop()) };
  } catch (err) {
    await postgres.stop();
    throw err;
  }
}

/** A session for one of {@link AGENTS}, with their password. */
export async function signIn(url: string, username: string): Promise<Session> {
  const answer = await hubClient(url).call('login', { body: { username, password: PASSWORD } });
  if (!answer.ok) throw new Error(`login as ${username}: ${answer.status} ${answer.message}`);
  return answer.value;
}

/** The hub client at `url`, with `token`'s session or none. */
export const hubClient = (url: string, token: string | null = null) => createHubClient({ url, token: () => token });

/** An answer as the tests read it: its status, and its value or the refusal's body. */
export const seen = <R extends HubRequestRoute>(answer: HubAnswer<R>) => ({
  status: answer.status,
  json: answer.ok ? answer.value : { error: answer.error, message: answer.message },
});

/** A request the client would not send (a body of the wrong shape, broken JSON) to a route of the table. */
export async function rawRequest(url: string, name: HubRequestName, { token, body }: { token?: string | undefined; body: unknown }) {
  const { method, path } = hubRequests[name];
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> };
}
