/**
 * SQLite's failures as the operator reads them: a full disk, a file that can no longer be
 * written, a damaged file, each its own sentence with what to do, instead of
 * "saveAnnotation failed". The errors are SQLite's own, from real files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { createDesk } from '../../../../../electron/services/desk/desk.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { storeFailureOf } from '../../../../../electron/services/store/store-failure.js';
import { deskCustomers } from '../../../../fixtures/desk-customers.js';
import { damagePages } from '../../../../support/damaged-store.js';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-failures-'));
  file = join(dir, 'desk.sqlite');
  const store = openDeskStore(file);
  store.insertBatch(deskCustomers);
  store.close();
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** What SQLite threw, run against a real connection to the store file. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected SQLite to refuse');
}

const longNote = "INSERT INTO sync_state (key, value) VALUES ('filler', ?)";

describe('storeFailureOf', () => {
  it('calls SQLITE_FULL a full disk', () => {
    const db = new Database(file);
    // The file may not grow by one page more: what a full disk does to the next write.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const err = thrownBy(() => db.prepare(longNote).run('x'.repeat(200_000)));
    db.close();
    expect(err).toMatchObject({ code: 'SQLITE_FULL', message: 'database or disk is full' });
    expect(storeFailureOf(err)).toBe('full');
  });

  it('calls SQLITE_READONLY a file that cannot be written', () => {
    const db = new Database(file, { readonly: true });
    const err = thrownBy(() => db.prepare(longNote).run('x'));
    db.close();
    expect(err).toMatchObject({ code: 'SQLITE_READONLY' });
    expect(storeFailureOf(err)).toBe('readOnly');
  });

  it('calls SQLITE_CORRUPT a damaged file', () => {
    damagePages(file, 6);
    const db = new Database(file);
    const err = thrownBy(() => {
      for (const table of ['customers', 'phones', 'customers_search', 'interactions', 'purchases', 'tickets']) db.prepare(`SELECT * FROM ${table}`).all();
    });
    db.close();
    expect((err as { code: string }).code).toMatch(/^SQLITE_CORRUPT/);
    expect(storeFailureOf(err)).toBe('damaged');
  });

  it('leaves errors that are not the store’s alone', () => {
    expect(storeFailureOf(new Error('database or disk is full'))).toBeNull();
    const db = new Database(file);
    const err = thrownBy(() => db.prepare('SELECT * FROM no_such_table').all());
    db.close();
    expect(storeFailureOf(err)).toBeNull();
  });
});

describe('the desk on a failing store', () => {
  it('answers a request with the store’s sentence, and logs SQLite’s own words', async () => {
    damagePages(file, 1, { tables: ['customers'] });
    const lines: { level: number; msg: string; request?: string }[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const store = openDeskStore(file);
    const desk = createDesk({ config: parseDeskConfig({ region: 'BG' }, 'test'), store, log });
    try {
      await expect(desk.handlers.searchCustomers({ query: 'Иванов', limit: 5 })).rejects.toMatchObject({
        error: { code: 'internal', key: 'storeDamaged', message: expect.stringMatching(/customer file is damaged/) },
      });
      const entry = lines.find((line) => line.request === 'searchCustomers');
      expect(entry?.level).toBe(50);
      expect(entry?.msg).toMatch(/malformed|corrupt/i);
    } finally {
      desk.stop();
      store.close();
    }
  });
});
