/**
 * The desk store's schema, as numbered steps. `PRAGMA user_version` records how many
 * have run, so a file written by any older desk is brought forward step by step and
 * keeps its rows. Never edit a step that has shipped: add the next one.
 */
import type { Database } from 'better-sqlite3';
import { phoneDigitsOf, type SearchedFields, searchTextOf } from './search-text.js';

export interface Migration {
  version: number;
  what: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    what: 'customers, phones, purchases, tickets, interactions',
    up(db) {
      db.exec(`
        CREATE TABLE customers (
          id TEXT NOT NULL UNIQUE,
          customer_number TEXT NOT NULL UNIQUE,
          first_name TEXT NOT NULL,
          last_name TEXT NOT NULL,
          company TEXT,
          email TEXT,
          type TEXT NOT NULL CHECK (type IN ('person', 'business')),
          industry TEXT,
          source TEXT,
          tags TEXT NOT NULL DEFAULT '[]',
          country TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE TABLE phones (
          customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
          e164 TEXT NOT NULL,
          national_number TEXT NOT NULL,
          label TEXT NOT NULL,
          PRIMARY KEY (customer_id, e164)
        ) WITHOUT ROWID;
        CREATE INDEX phones_by_e164 ON phones (e164);
        CREATE INDEX phones_by_national_number ON phones (national_number);
        CREATE TABLE purchases (
          id TEXT PRIMARY KEY,
          customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
          order_number TEXT NOT NULL,
          product TEXT NOT NULL,
          quantity INTEGER NOT NULL,
          amount_minor INTEGER NOT NULL,
          currency TEXT NOT NULL,
          purchased_at TEXT NOT NULL
        );
        CREATE INDEX purchases_by_customer ON purchases (customer_id, purchased_at);
        CREATE TABLE tickets (
          id TEXT PRIMARY KEY,
          customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
          subject TEXT NOT NULL,
          status TEXT NOT NULL,
          priority TEXT NOT NULL,
          opened_at TEXT NOT NULL,
          sla_due_at TEXT
        );
        CREATE INDEX tickets_by_customer ON tickets (customer_id);
        CREATE TABLE interactions (
          id TEXT PRIMARY KEY,
          customer_id TEXT REFERENCES customers(id) ON DELETE SET NULL,
          kind TEXT NOT NULL CHECK (kind IN ('call', 'note')),
          call_id TEXT,
          phone TEXT,
          disposition TEXT,
          note TEXT NOT NULL,
          follow_up_on TEXT,
          agent TEXT NOT NULL,
          at TEXT NOT NULL
        );
        CREATE INDEX interactions_by_customer ON interactions (customer_id, at);
      `);
    },
  },
  {
    version: 2,
    what: 'full-text customer search, the call log, the outbox',
    up(db) {
      // remove_diacritics 2 folds accents in any script, so "иванов" finds "Иванов" and "zolc" finds "Żółć".
      db.exec(`
        CREATE VIRTUAL TABLE customers_search USING fts5 (text, tokenize = "unicode61 remove_diacritics 2");
        CREATE TABLE call_log (
          call_id TEXT PRIMARY KEY,
          outcome TEXT NOT NULL,
          direction TEXT NOT NULL,
          remote_raw TEXT NOT NULL,
          phone TEXT,
          customer_id TEXT,
          customer_name TEXT,
          match TEXT NOT NULL,
          started_at TEXT NOT NULL,
          answered_at TEXT,
          ended_at TEXT NOT NULL
        );
        CREATE INDEX call_log_by_end ON call_log (ended_at);
        CREATE TABLE outbox (
          mutation_id TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          payload TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
      `);
      indexCustomersForSearch(db);
    },
  },
  {
    version: 3,
    what: 'one- and two-letter prefix indexes for type-ahead search',
    up(db) {
      // Without them "и" or "k" expands to every term that starts so, over a million customers (~50-150 ms a keystroke).
      // FTS5 cannot add a prefix index to an existing table, so the index is built again.
      db.exec(`
        DROP TABLE customers_search;
        CREATE VIRTUAL TABLE customers_search USING fts5 (text, tokenize = "unicode61 remove_diacritics 2", prefix = '1 2');
      `);
      indexCustomersForSearch(db);
    },
  },
  {
    version: 4,
    what: 'sync with the hub: the pull cursor, and outbox entries the hub refused for good',
    up(db) {
      // Refused entries stay (with the reason) rather than vanish: the note is still the operator's, and someone should look.
      db.exec(`
        CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        ALTER TABLE outbox ADD COLUMN rejected_reason TEXT;
      `);
    },
  },
  {
    version: 5,
    what: 'drafts: notes typed and not yet saved, one per call (or per customer outside a call)',
    up(db) {
      // Keyed by the call (or the customer) rather than by mutation id: a card has one draft however often it is resent.
      db.exec(`
        CREATE TABLE drafts (
          draft_key TEXT PRIMARY KEY,
          call_id TEXT,
          customer_id TEXT,
          customer_name TEXT,
          phone TEXT,
          note TEXT NOT NULL,
          disposition TEXT NOT NULL,
          follow_up_on TEXT NOT NULL,
          mutation_id TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 6,
    what: 'search by any fragment of a phone number, and Cyrillic names by their Latin spellings',
    up(db) {
      // A trigram index answers "any run of three or more digits" from the index; phones_by_e164 can only answer a prefix.
      // Its rowid is the customer's, as in customers_search.
      db.exec(`
        CREATE VIRTUAL TABLE phones_search USING fts5 (digits, tokenize = 'trigram');
        DELETE FROM customers_search;
      `);
      indexCustomersForSearch(db);
      indexPhonesForSearch(db);
    },
  },
  {
    version: 7,
    what: 'the agent’s name on each call and note, so history names people rather than account ids',
    up(db) {
      db.exec('ALTER TABLE interactions ADD COLUMN agent_name TEXT');
    },
  },
];

/** Customers that predate the search index are added in pages: a connection cannot write while it iterates. */
function indexCustomersForSearch(db: Database): void {
  const index = db.prepare('INSERT INTO customers_search (rowid, text) VALUES (?, ?)');
  const page = db.prepare(
    `SELECT rowid, first_name AS firstName, last_name AS lastName, company, email, customer_number AS customerNumber
     FROM customers WHERE rowid > ? ORDER BY rowid LIMIT 10000`,
  );
  for (let after = 0, rows = page.all(after) as (SearchedFields & { rowid: number })[]; rows.length > 0; rows = page.all(after) as typeof rows) {
    for (const row of rows) index.run(row.rowid, searchTextOf(row));
    after = rows.at(-1)!.rowid;
  }
}

function indexPhonesForSearch(db: Database): void {
  const index = db.prepare('INSERT INTO phones_search (rowid, digits) VALUES (?, ?)');
  const page = db.prepare(`
    SELECT c.rowid, json_group_array(json_object('e164', p.e164)) AS phones
    FROM customers c JOIN phones p ON p.customer_id = c.id
    WHERE c.rowid > ? GROUP BY c.rowid ORDER BY c.rowid LIMIT 10000`);
  for (let after = 0, rows = page.all(after) as { rowid: number; phones: string }[]; rows.length > 0; rows = page.all(after) as typeof rows) {
    for (const row of rows) index.run(row.rowid, phoneDigitsOf(JSON.parse(row.phones) as { e164: string }[]));
    after = rows.at(-1)!.rowid;
  }
}

export class StoreVersionError extends Error {
  override name = 'StoreVersionError';
}

/** Brings the file to the newest schema, one transaction per step; refuses a file from a newer desk. */
export function migrate(db: Database, upTo: number = MIGRATIONS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new StoreVersionError(
      `the store was written by a newer Agent Desk (schema ${current}, this one knows up to ${MIGRATIONS.length}); update the app`,
    );
  }
  for (const step of MIGRATIONS.slice(current, upTo)) {
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}
