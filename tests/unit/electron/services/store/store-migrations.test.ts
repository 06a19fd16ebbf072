import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../../../../electron/services/store/migrations.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-migrate-'));
  file = join(dir, 'desk.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A store as the first release wrote it: schema 1 only, rows put in with plain SQL. */
function writeVersionOneFile(): void {
  const db = new Database(file);
  migrate(db, 1);
  db.exec(`
    INSERT INTO customers (id, customer_number, first_name, last_name, company, email, type, tags, country, created_at, updated_at)
    VALUES ('old-1', 'C-OLD-1', 'Łucja', 'Błaszczyk', NULL, 'lucja@example.pl', 'person', '[]', 'PL', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'),
           ('old-2', 'C-OLD-2', 'Пётр', 'Смирнов', 'ООО Ромашка', NULL, 'business', '[]', 'RU', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
    INSERT INTO phones (customer_id, e164, national_number, label) VALUES ('old-1', '+48600111222', '600111222', 'mobile');
    INSERT INTO interactions (id, customer_id, kind, note, agent, at) VALUES ('i-1', 'old-1', 'note', 'Written by the first release', 'agent-1', '2025-02-01T00:00:00.000Z');
  `);
  db.close();
}

describe('store migrations', () => {
  it('brings a file from an older desk to the current schema and keeps its rows', () => {
    writeVersionOneFile();
    const store = openDeskStore(file);
    try {
      expect(store.health()).toMatchObject({ schemaVersion: MIGRATIONS.length, customers: 2, phones: 1, interactions: 1, integrity: 'ok' });
      expect(store.getCustomerCard('old-1')!.interactions[0]!.note).toBe('Written by the first release');
      expect(store.lookupPhone({ e164: '+48600111222', nationalNumber: '600111222' }).match).toBe('exact');
      // The search index is built for rows that predate it.
      expect(store.searchCustomers('blaszczyk', 5).customers.map((c) => c.id)).toEqual(['old-1']);
      expect(store.searchCustomers('ромашка', 5).customers.map((c) => c.id)).toEqual(['old-2']);
      expect(store.listCallLog(5)).toEqual([]);
      expect(store.listDrafts()).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('rebuilds the search index of a version 2 file with prefix indexes, keeping what it found', () => {
    writeVersionOneFile();
    const db = new Database(file);
    migrate(db, 2);
    db.close();
    const store = openDeskStore(file);
    try {
      expect(store.health().schemaVersion).toBe(MIGRATIONS.length);
      expect(store.searchCustomers('ł', 5).customers.map((c) => c.id)).toEqual(['old-1']);
      expect(store.searchCustomers('смир', 5).customers.map((c) => c.id)).toEqual(['old-2']);
    } finally {
      store.close();
    }
  });

  it('indexes the phones and the Latin spellings of the customers of a version 4 file', () => {
    writeVersionOneFile();
    const db = new Database(file);
    migrate(db, 4);
    db.close();
    const store = openDeskStore(file);
    try {
      expect(store.health().schemaVersion).toBe(MIGRATIONS.length);
      expect(store.searchCustomers('0600 111', 5).customers.map((c) => c.id)).toEqual(['old-1']);
      expect(store.searchCustomers('smirnov', 5).customers.map((c) => c.id)).toEqual(['old-2']);
      expect(store.searchCustomers('blaszczyk', 5).customers.map((c) => c.id)).toEqual(['old-1']);
    } finally {
      store.close();
    }
  });

  it('refuses a file written by a newer desk and leaves it untouched', () => {
    writeVersionOneFile();
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const before = readFileSync(file);
    expect(() => openDeskStore(file)).toThrow(/desk\.sqlite: the store was written by a newer Agent Desk/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a store with an error naming it, and leaves it untouched', () => {
    writeFileSync(file, 'these are not the pages of a SQLite database '.repeat(200));
    const before = readFileSync(file);
    expect(() => openDeskStore(file)).toThrow(new RegExp(`${file}: not a readable Agent Desk store`));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('numbers its steps 1, 2, 3 … with no gap', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
