/**
 * The pop must be on screen before the second ring, over a million customers: each read it
 * waits on is answered from the index it was written for. SQLite's own EXPLAIN QUERY PLAN of
 * the store's very statements (READ_QUERIES), over a store holding the demo desk's customers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../../../../electron/services/demo/demo-data.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { READ_QUERIES } from '../../../../../electron/services/store/read-queries.js';

let dir: string;
let db: Database.Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-plans-'));
  const file = join(dir, 'desk.sqlite');
  const store = openDeskStore(file);
  await seedDemoData(store, { customers: 500, seed: 1, now: new Date('2026-11-01T12:00:00Z') });
  store.close();
  db = new Database(file, { readonly: true });
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The steps of a statement's plan, as SQLite words them ("SEARCH phones USING COVERING INDEX phones_by_e164 (e164=?)"). */
const planOf = (sql: string, ...params: unknown[]): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((step) => step.detail);

/** A full scan of a table (a virtual table's scan is its own index: asserted apart). */
const tableScans = (plan: string[]) => plan.filter((step) => /^SCAN /.test(step) && !/VIRTUAL TABLE/.test(step));

describe('the query plans of the pop and of search', () => {
  it('would catch a scan, so the checks below mean something', () => {
    expect(tableScans(planOf('SELECT e164 FROM phones WHERE label = ?', 'work'))).toEqual(['SCAN phones']);
  });

  it('looks an exact number up by phones_by_e164', () => {
    expect(planOf(READ_QUERIES.phonesByE164, '+359888123456', 10)).toEqual(['SEARCH phones USING COVERING INDEX phones_by_e164 (e164=?)']);
  });

  it('looks a national-form number up by phones_by_national_number', () => {
    expect(planOf(READ_QUERIES.phonesByNational, '888123456', 10)).toEqual([
      'SEARCH phones USING COVERING INDEX phones_by_national_number (national_number=?)',
    ]);
  });

  it('searches names through the full-text index customers_search, and phone digits through phones_search', () => {
    // "M" in the index string: FTS5 answers the MATCH from its index (without one it would read every row).
    expect(planOf(READ_QUERIES.textHits, '"ив"*')).toEqual([expect.stringMatching(/^SCAN customers_search VIRTUAL TABLE INDEX \d+:M/)]);
    expect(planOf(READ_QUERIES.phoneHits, '"888"')).toEqual([expect.stringMatching(/^SCAN phones_search VIRTUAL TABLE INDEX \d+:M/)]);
    expect(planOf('SELECT rowid FROM customers_search')).toEqual([expect.not.stringMatching(/:M/)]);
  });

  it('reads each search hit by its rowid, with its phones by their primary key', () => {
    expect(planOf(READ_QUERIES.summary, 1)).toEqual([
      'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
      'CORRELATED SCALAR SUBQUERY 1',
      'SEARCH p USING PRIMARY KEY (customer_id=?)',
    ]);
  });

  it('reads the card, its customer, phones and history, each by its own index and none by a scan', () => {
    const card = {
      customer: planOf(READ_QUERIES.customer, 'd1'),
      phones: planOf(READ_QUERIES.phonesOf, 'd1'),
      purchases: planOf(READ_QUERIES.purchasesOf, 'd1', 10),
      tickets: planOf(READ_QUERIES.ticketsOf, 'd1', 20),
      interactions: planOf(READ_QUERIES.interactionsOf, 'd1', 20),
    };
    expect(card.customer).toEqual(['SEARCH customers USING INDEX sqlite_autoindex_customers_1 (id=?)']);
    expect(card.phones).toEqual(['SEARCH phones USING PRIMARY KEY (customer_id=?)']);
    // The index's order (customer_id, purchased_at) and (customer_id, at) is the card's: no sort.
    expect(card.purchases).toEqual(['SEARCH purchases USING INDEX purchases_by_customer (customer_id=?)']);
    expect(card.interactions).toEqual(['SEARCH interactions USING INDEX interactions_by_customer (customer_id=?)']);
    // Tickets sort by status and priority, which no index holds: only one customer's few tickets are sorted.
    expect(card.tickets[0]).toBe('SEARCH tickets USING INDEX tickets_by_customer (customer_id=?)');
    expect(Object.values(card).flatMap(tableScans)).toEqual([]);
  });
});
