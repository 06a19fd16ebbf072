import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../server/db/migrations.js';
import { createPool } from '../../server/db/pool.js';
import { importFeed } from '../../server/import/import-feed.js';
import { formatOf, type ImportItem, type ImportKind, readImportRecords } from '../../server/import/import-records.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { FEED } from '../support/test-hub.js';

let postgres: PostgresServer;
let pool: Pool;

beforeAll(async () => {
  postgres = await startPostgres();
  pool = createPool(await postgres.createDatabase(), 2);
  await migrateHub(pool);
});

afterAll(async () => {
  await pool?.end();
  await postgres?.stop();
});

const load = (kind: ImportKind, file: string) => importFeed(pool, kind, createReadStream(`${FEED}/${file}`), { format: formatOf(file), region: 'BG' });

async function read<K extends ImportKind>(kind: K, lines: string[], format: 'csv' | 'jsonl' = 'csv') {
  const items: ImportItem<K>[] = [];
  for await (const item of readImportRecords(kind, Readable.from(lines.map((l) => `${l}\n`)), { format, region: 'BG' })) items.push(item);
  return items;
}

describe('reading a feed', () => {
  it('normalises national and international phone numbers in the feed’s region', async () => {
    const [item] = await read('customers', ['external_id,customer_number,first_name,last_name,phones', 'e1,C-1,Иван,Иванов,0888 123 456:mobile; +359 2 981 2345:work']);
    expect(item).toEqual({
      line: 2,
      record: expect.objectContaining({ externalId: 'e1', phones: [{ e164: '+359888123456', label: 'mobile' }, { e164: '+35929812345', label: 'work' }] }),
    });
  });

  it('turns amounts into minor units exactly, and refuses what is not an amount', async () => {
    const header = 'external_id,customer_external_id,order_number,product,amount,currency,purchased_at';
    const items = await read('purchases', [header, 'p1,c,SO,X,12.50,bgn,2026-01-02', 'p2,c,SO,X,3,EUR,2026-01-02T10:00:00Z', 'p3,c,SO,X,1.005,EUR,2026-01-02', 'p4,c,SO,X,12;5,EUR,2026-13-45']);
    expect(items.slice(0, 2).map((i) => ('record' in i ? [i.record.amountMinor, i.record.currency] : i.error))).toEqual([[1250, 'BGN'], [300, 'EUR']]);
    expect(items[2]).toEqual({ line: 4, error: 'purchases: line 4: amount: "1.005" is not an amount such as 129.00 (at most two decimals)' });
    expect('error' in items[3]! && items[3].error).toMatch(/^purchases: line 5: amount: .*purchased_at: is not a date/s);
  });

  it('reports a CSV syntax error with its line and keeps the rows before it', async () => {
    const items = await read('tickets', ['external_id,customer_external_id,subject,opened_at', 't1,c,Fine,2026-01-01', 't2,c,"never closed,2026-01-01']);
    expect('record' in items[0]!).toBe(true);
    expect(items[1]).toMatchObject({ error: expect.stringMatching(/^tickets: line \d+: not valid CSV/) });
  });

  it('reads JSON Lines with phones as objects, and names a line that is not JSON', async () => {
    const items = await read('customers', [
      '{"external_id": "j1", "customer_number": "J-1", "company": "Acme", "phones": [{"number": "+48 600 123 456", "label": "work"}]}',
      '{"external_id": "j2", "customer_number": ',
      '["not", "an", "object"]',
    ], 'jsonl');
    expect(items[0]).toMatchObject({ line: 1, record: { company: 'Acme', phones: [{ e164: '+48600123456', label: 'work' }] } });
    expect(items[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^customers: line 2: not valid JSON/) });
    expect(items[2]).toEqual({ line: 3, error: 'customers: line 3: not a JSON object' });
  });

  it('knows a feed by its file name', () => {
    expect([formatOf('crm.CSV'), formatOf('tickets.ndjson')]).toEqual(['csv', 'jsonl']);
    expect(() => formatOf('export.xlsx')).toThrow(/CSV \(\.csv\) or JSON Lines/);
  });
});

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
    const report = await importFeed(pool, 'customers', Readable.from([`${header}\n1002,C-1002,Anna,Kowalska,,,person,PL,+48 600 123 456:mobile; +48 22 123 45 67:work\n`]), { format: 'csv', region: 'PL' });
    expect(report).toMatchObject({ accepted: 1, changed: 1, rejected: [] });
    expect(await version()).toBeGreaterThan(before);
  });
});
