/**
 * The hub's figures: a fresh PostgreSQL filled with the demo generator's customers,
 * phones and history; the initial sync of all of it into an empty desk store (the
 * desk keeps a year of history, as by default); then notes written on desk A timed
 * until desk B has applied them; and the hub process's memory.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { silentLogger } from '../../electron/services/log.js';
import { createDemoGenerator } from '../../electron/services/demo/demo-data.js';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { createSyncClient, type SyncClient } from '../../electron/services/sync/sync-client.js';
import { columnArrays, columnList, unnestRows } from '../../server/db/entity-sql.js';
import { EXTERNAL_ID, PHONE_ROW_COLUMNS } from '../../server/db/hub-columns.js';
import { createPool } from '../../server/db/pool.js';
import { type ColumnMap, CUSTOMER_COLUMNS, INTERACTION_COLUMNS, PURCHASE_COLUMNS, TICKET_COLUMNS, withoutFields } from '../../shared/entity-columns.js';
import type { CustomerBatch } from '../../electron/services/store/desk-store.js';
import { startHubProcess } from '../support/hub-process.js';
import { startPostgres } from '../support/postgres.js';
import { AGENTS, PASSWORD, prepareHubDatabase } from '../support/test-hub.js';
import { percentile } from './stats.js';

const SEED_BATCH = 5_000;

export interface HubSyncFigures {
  customers: number;
  hubRows: { phones: number; purchases: number; tickets: number; interactions: number };
  seedSeconds: number;
  /** historyRows: what the desk got; hubRecentHistoryRows: what the hub holds of the last 365 days (the two must agree). */
  initialSync: { seconds: number; customers: number; phones: number; historyRows: number; hubRecentHistoryRows: number; pageSize: number; deskStoreMiB: number };
  propagation: { notes: number; p50Ms: number; p95Ms: number; maxMs: number; targetP95Ms: number };
  hubRssMiB: { afterInitialSync: number; peak: number };
}

async function seedHub(pool: Pool, customers: number): Promise<void> {
  const next = createDemoGenerator(1, new Date());
  for (let done = 0; done < customers; done += SEED_BATCH) {
    const batch: CustomerBatch = { customers: [], purchases: [], tickets: [], interactions: [] };
    for (let i = 1; i <= Math.min(SEED_BATCH, customers - done); i++) {
      const one = next(done + i);
      batch.customers.push(...one.customers);
      batch.purchases.push(...one.purchases);
      batch.tickets.push(...one.tickets);
      batch.interactions.push(...one.interactions);
    }
    await insertBatch(pool, batch);
  }
}

/**
 * Benchmark data goes straight in with unnest(), its columns from the entities' maps; the
 * import command's upserts are timed by its own tests, not here.
 */
async function insertBatch(pool: Pool, { customers, purchases, tickets, interactions }: CustomerBatch): Promise<void> {
  const insert = <T>(table: string, columns: ColumnMap<T>, rows: T[]) =>
    pool.query(`INSERT INTO ${table} (${columnList(columns)}, version) SELECT *, nextval('change_version') FROM ${unnestRows(columns, 'x')}`, columnArrays(columns, rows));
  await insert('customers', { ...CUSTOMER_COLUMNS, externalId: EXTERNAL_ID }, customers.map(({ customer }) => ({ ...customer, externalId: customer.id })));
  const phones = customers.flatMap((x) => x.phones.map((p) => ({ customerId: x.customer.id, ...p })));
  await pool.query(`INSERT INTO phones (${columnList(PHONE_ROW_COLUMNS)}) SELECT * FROM ${unnestRows(PHONE_ROW_COLUMNS, 'x')} ON CONFLICT DO NOTHING`, columnArrays(PHONE_ROW_COLUMNS, phones));
  await insert('purchases', PURCHASE_COLUMNS, purchases);
  await insert('tickets', TICKET_COLUMNS, tickets);
  await insert('interactions', withoutFields(INTERACTION_COLUMNS, 'agentName'), interactions);
}

const rssMiB = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

export async function benchHubSync(customers: number, notes: number): Promise<HubSyncFigures> {
  const postgres = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  const clients: SyncClient[] = [];
  try {
    const databaseUrl = await postgres.createDatabase();
    // Agents alone: this bench brings its own customers.
    await prepareHubDatabase(databaseUrl, []);
    // Seeded by hand, far faster than through the hub's writes.
    const pool = createPool(databaseUrl, 2);
    const seedStarted = performance.now();
    await seedHub(pool, customers);
    await pool.query('VACUUM ANALYZE');
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const count = async (table: string) => Number((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    const hubRows = { phones: await count('phones'), purchases: await count('purchases'), tickets: await count('tickets'), interactions: await count('interactions') };
    const newest = Number((await pool.query('SELECT last_value FROM change_version')).rows[0].last_value);
    const since = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const recentHistory = Number((await pool.query(
      `SELECT (SELECT count(*) FROM purchases WHERE purchased_at >= $1) + (SELECT count(*) FROM tickets) + (SELECT count(*) FROM interactions WHERE at >= $1) AS n`,
      [since],
    )).rows[0].n);
    await pool.end();

    const hub = await startHubProcess(dir, databaseUrl);
    const desk = (name: string) => openDeskStore(join(dir, `${name}.sqlite`));
    const storeB = desk('desk-b');
    const applied = new Map<string, number>();
    const pageSize = 5_000;
    const clientB = createSyncClient({
      url: hub.url, username: AGENTS[1]!.username, password: PASSWORD, historyDays: 365, pageSize, store: storeB, log: silentLogger,
      onStatus: () => undefined,
      onChanged: (ids) => {
        for (const id of ids) applied.set(id, performance.now());
      },
    });
    clients.push(clientB);
    const syncStarted = performance.now();
    const status = await clientB.syncNow();
    const syncSeconds = (performance.now() - syncStarted) / 1000;
    if (status.state !== 'online') throw new Error(`initial sync failed: ${status.lastError}`);
    const health = storeB.health();
    const fileMiB = (name: string) => statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0;
    const deskStoreMiB = Math.round((fileMiB('desk-b.sqlite') + fileMiB('desk-b.sqlite-wal')) / 2 ** 20);
    const afterInitialSync = rssMiB(hub.pid, 'VmRSS');

    // Desk A only writes: it gets the customers it will write about, and a cursor at the hub's newest version, instead of a million customers again.
    const storeA = desk('desk-a');
    const targets = Array.from({ length: notes }, () => storeB.getCustomerCard(`d${1 + Math.floor(Math.random() * customers)}`)!);
    storeA.applyChanges(targets.map(({ customer, phones }) => ({ entity: 'customer', version: newest, customer, phones })), newest);
    const clientA = createSyncClient({
      url: hub.url, username: AGENTS[0]!.username, password: PASSWORD, historyDays: 365, store: storeA, log: silentLogger,
      onStatus: () => undefined, onChanged: () => undefined,
    });
    clients.push(clientA);
    await clientA.syncNow();
    const delays: number[] = [];
    for (const [n, { customer }] of targets.entries()) {
      const customerId = customer.id;
      applied.delete(customerId);
      const written = performance.now();
      storeA.recordAnnotation(
        { mutationId: randomUUID(), callId: null, customerId, phone: null, note: `bench note ${n}`, disposition: 'resolved', followUpOn: null },
        { id: AGENTS[0]!.username, name: AGENTS[0]!.name },
        new Date(),
      );
      clientA.kick();
      const deadline = written + 10_000;
      while (!applied.has(customerId) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
      delays.push((applied.get(customerId) ?? Number.POSITIVE_INFINITY) - written);
      await new Promise((r) => setTimeout(r, 20));
    }
    const peak = rssMiB(hub.pid, 'VmHWM');
    for (const client of clients.splice(0)) await client.stop();
    storeA.close();
    storeB.close();
    await hub.stop();
    const round = (n: number) => Number(n.toFixed(1));
    return {
      customers,
      hubRows,
      seedSeconds: round(seedSeconds),
      initialSync: {
        seconds: round(syncSeconds),
        customers: health.customers,
        phones: health.phones,
        historyRows: health.purchases + health.tickets + health.interactions,
        hubRecentHistoryRows: recentHistory,
        pageSize,
        deskStoreMiB,
      },
      propagation: { notes, p50Ms: round(percentile(delays, 50)), p95Ms: round(percentile(delays, 95)), maxMs: round(Math.max(...delays)), targetP95Ms: 1_000 },
      hubRssMiB: { afterInitialSync, peak },
    };
  } finally {
    for (const client of clients) await client.stop();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
