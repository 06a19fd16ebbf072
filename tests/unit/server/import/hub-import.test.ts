import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubDb } from '../../../../server/db/hub-db.js';
import { createPool } from '../../../../server/db/pool.js';
import { importFeed } from '../../../../server/import/import-feed.js';
import { formatOf, type ImportKind } from '../../../../server/import/import-records.js';
import { type PostgresServer, startPostgres } from '../../../support/postgres.js';
import { FEED, openTestHubDb } from '../../../support/test-hub.js';

let postgres: PostgresServer;
let db: HubDb;
/** What the tests read back, beside the door the import writes through. */
let pool: Pool;

beforeAll(async () => {
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase();
  db = openTestHubDb(databaseUrl);
  await db.migrate();
  pool = createPool(databaseUrl, 1);
});

afterAll(async () => {
  await pool?.end();
  await db?.close();
  await postgres?.stop();
});

const load = (kind: ImportKind, file: string) => importFeed(db, kind, createReadStream(`${FEED}/${file}`), { format: formatOf(file), region: 'BG' });


describe('importing into the hub', () => {
  it('keeps the good rows and reports each bad one with its line and reason', async () => {
    const customers = await load('customers', 'customers.csv');
    expect(customers).toMatchObject({ accepted: 5, changed: 4 });
    expect(customers.rejected).toEqual([
      { line: 6, reason: expect.stringMatching(/^customers: line 6: phone "12" is not a valid number/) },
      { line: 7, reason: expect.stringMatching(/duplicate key value violates unique constraint "customers_customer_number_key"/) },
    ]);
    const purchases = await load('purchases', 'purchases.csv');
    expect(purchases).toMatchObject({ accepted: 3, changed: 2, rejected: [{ line: 4, reason: 'no customer with external_id "9999" on the hub; import customers first' }] });
    const tickets = await load('tickets', 'tickets.jsonl');
    expect(tickets).toMatchObject({ accepted: 2, changed: 2, rejected: [{ line: 3 }] });
    const { rows } = await pool.query('SELECT p.e164, p.label FROM phones p JOIN customers c ON c.id = p.customer_id WHERE c.external_id = $1', ['1001']);
    expect(rows).toEqual([{ e164: '+359888123456', label: 'mobile' }]);
  });

  it('changes nothing when the same feed is loaded again', async () => {
    const before = (await pool.query("SELECT last_value FROM change_version")).rows[0];
    expect(await load('customers', 'customers.csv')).toMatchObject({ changed: 0 });
    expect(await load('purchases', 'purchases.csv')).toMatchObject({ changed: 0 });
    expect(await load('tickets', 'tickets.jsonl')).toMatchObject({ changed: 0 });
    // Versions drawn by rows that then changed nothing are skipped, never reused: only that the rows kept theirs matters.
    const stale = await pool.query('SELECT count(*)::int AS n FROM customers WHERE version > $1', [Number(before.last_value)]);
    expect(stale.rows[0]).toEqual({ n: 0 });
  });

  it('gives a customer a new version when only its phones change', async () => {
    const header = 'external_id,customer_number,first_name,last_name,company,email,type,country,phones';
    const version = async () => (await pool.query<{ v: number }>("SELECT version AS v FROM customers WHERE external_id = '1002'")).rows[0]!.v;
    const before = await version();
    const report = await importFeed(db, 'customers', Readable.from([`${header}\n1002,C-1002,Anna,Kowalska,,,person,PL,+48 600 123 456:mobile; +48 22 123 45 67:work\n`]), { format: 'csv', region: 'PL' });
    expect(report).toMatchObject({ accepted: 1, changed: 1, rejected: [] });
    expect(await version()).toBeGreaterThan(before);
  });
});
