import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubDb } from '../../../../server/db/hub-db.js';
import type { Customer } from '../../../../shared/domain.js';
import { type PostgresServer, startPostgres } from '../../../support/postgres.js';
import { openTestHubDb } from '../../../support/test-hub.js';

let postgres: PostgresServer;
let db: HubDb;
/** The test's own reads, beside the door. */
let check: pg.Pool;

beforeAll(async () => {
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase();
  db = openTestHubDb(databaseUrl);
  await db.migrate();
  check = new pg.Pool({ connectionString: databaseUrl, max: 1 });
});

afterAll(async () => {
  await check?.end();
  await db?.close();
  await postgres?.stop();
});

const customer = (id: string): Customer => ({
  id,
  customerNumber: `N-${id}`,
  firstName: 'Ivan',
  lastName: 'Petrov',
  company: null,
  email: null,
  type: 'person',
  industry: null,
  source: 'desk',
  tags: [],
  country: 'BG',
  createdAt: '2026-03-02T10:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
});

/** A change listener once it has said the version it connected at, and all it has heard. */
async function connectedListener() {
  const changes = db.listenForChanges();
  const heard: string[] = [];
  changes.subscribe((payload) => heard.push(payload));
  await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(1);
  return { heard, close: () => changes.close() };
}

const customerIds = async () => (await check.query<{ id: string }>('SELECT id FROM customers ORDER BY id')).rows.map((r) => r.id);

describe('the hub database door', () => {
  it('undoes a failed savepoint’s writes alone and lets the transaction go on, even after PostgreSQL refused a statement', async () => {
    await db.write(async (tx) => {
      await tx.push.insertCustomer(customer('a'), []);
      const thrown = new Error('the entry is refused');
      await expect(
        tx.inSavepoint(async () => {
          await tx.push.insertCustomer(customer('b'), []);
          throw thrown;
        }),
      ).rejects.toBe(thrown);
      // A unique violation aborts a transaction; the savepoint's rollback is what lets the next entry in.
      await expect(tx.inSavepoint(() => tx.push.insertCustomer(customer('a'), []))).rejects.toMatchObject({ code: '23505' });
      await tx.inSavepoint(() => tx.push.insertCustomer(customer('c'), []));
    });
    expect(await customerIds()).toEqual(['a', 'c']);
  });

  it('tells a change listener the newest version when it connects, and after each write commits', async () => {
    const listener = await connectedListener();
    try {
      await db.write((tx) => tx.push.insertCustomer(customer(randomUUID()), []));
      const newest = (await check.query<{ v: string }>('SELECT last_value AS v FROM change_version')).rows[0]!.v;
      await expect.poll(() => listener.heard.at(-1), { timeout: 5_000 }).toBe(newest);
    } finally {
      await listener.close();
    }
  });

  it('re-opens a listener whose connection was cut, and says the newest version again for what it may have missed', async () => {
    const listener = await connectedListener();
    try {
      // The listener's last statement was its catch-up read of the version.
      await check.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%change_version%'");
      await expect.poll(() => listener.heard.length, { timeout: 15_000 }).toBe(2);
      expect(listener.heard[1]).toBe(listener.heard[0]);
    } finally {
      await listener.close();
    }
  });
});
