/**
 * The desk's tables as their column maps derive them, against the schema its migrations build:
 * a field without its column, or a column no field names, is caught here rather than by the
 * first desk that writes one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/services/store/migrations.js';
import type { StoredRow } from '../../../../../electron/services/store/sql-columns.js';
import { CALL_LOG, CUSTOMERS, DRAFTS, INTERACTIONS, PHONES, PURCHASES, TICKETS } from '../../../../../electron/services/store/tables.js';
import type { Customer } from '../../../../../shared/domain.js';
import { ivan } from '../../../../fixtures/desk-customers.js';

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-columns-'));
  db = new Database(join(dir, 'desk.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const TABLES = [CUSTOMERS, PHONES, PURCHASES, TICKETS, INTERACTIONS, CALL_LOG, DRAFTS];

describe('the desk tables derived from the column maps', () => {
  it('write exactly the columns the migrations made, no more and no fewer', () => {
    for (const table of TABLES) {
      const migrated = (db.pragma(`table_info(${table.name})`) as { name: string }[]).map((c) => `"${c.name}"`).sort();
      const written = table.insert.match(/\(([^)]*)\) VALUES/)![1]!.split(', ').sort();
      expect(written, table.name).toEqual(migrated);
    }
  });

  it('read a row back as the domain value it was written from, JSON fields parsed', () => {
    const customer = { ...ivan.customer, tags: ['vip', 'reseller'] };
    db.prepare(CUSTOMERS.insert).run(CUSTOMERS.params(customer));
    expect(CUSTOMERS.read(db.prepare<[], StoredRow<Customer>>(`SELECT ${CUSTOMERS.select()} FROM customers`).get()!)).toEqual(customer);
  });

  it('update a customer in place through its upsert: same row, its phones kept (a replace would have cascaded them away), created time as first written', () => {
    const { customer } = ivan;
    db.prepare(CUSTOMERS.insert).run(CUSTOMERS.params(customer));
    db.prepare(PHONES.insert).run(PHONES.params({ ...ivan.phones[0]!, customerId: customer.id, nationalNumber: '888123456' }));
    const rowid = db.prepare('SELECT rowid FROM customers').pluck().get();
    expect(CUSTOMERS.upsert({ key: 'id', keep: ['createdAt'] })).not.toMatch(/REPLACE/);

    db.prepare(CUSTOMERS.upsert({ key: 'id', keep: ['createdAt'] })).run(CUSTOMERS.params({ ...customer, lastName: 'Петров', createdAt: '2030-01-01T00:00:00.000Z' }));
    expect(db.prepare('SELECT rowid, last_name, created_at FROM customers').get()).toEqual({ rowid, last_name: 'Петров', created_at: customer.createdAt });
    expect(db.prepare('SELECT count(*) FROM phones').pluck().get()).toBe(1);
  });
});
