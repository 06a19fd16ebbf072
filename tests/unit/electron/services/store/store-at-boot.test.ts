/**
 * What a desk does at start with the store it finds: a sound one is used as it is, a
 * damaged one (noise in its pages, cut to nothing) is set aside untouched with its
 * -wal and -shm and a new, empty store takes its place, and demo data only ever goes
 * into a store this very start created.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskConfigSchema } from '../../../../../electron/services/config/desk-config.js';
import { type RunningDesk, startDesk } from '../../../../../electron/services/desk/boot.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { deskCustomers } from '../../../../fixtures/desk-customers.js';
import { damagePages } from '../../../../support/damaged-store.js';

let dataDir: string;
let file: string;
let running: RunningDesk | undefined;
let logLines: { level: number; msg: string; [key: string]: unknown }[];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-boot-'));
  file = join(dataDir, 'desk.sqlite');
  logLines = [];
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function boot(demoCustomers = 0): Promise<RunningDesk> {
  const config = DeskConfigSchema.parse({ dataDir, demoCustomers, simulator: { enabled: false }, bridge: { json: { enabled: false } } });
  const log = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  running = await startDesk({ config, locked: [], problems: [] }, log, { appVersion: 'test', logDir: null, userSettings: join(dataDir, 'settings.json') });
  return running;
}

const customersIn = (path: string) => {
  const store = openDeskStore(path);
  try {
    return store.countCustomers();
  } finally {
    store.close();
  }
};

const setAsideFiles = () => readdirSync(dataDir).filter((name) => name.startsWith('desk.sqlite.damaged-')).sort();

/**
 * A store as a desk that lost power leaves it, -wal and -shm beside it, then noise over
 * some of its pages. The copy is taken while the writer is still open, so the -wal still holds frames.
 */
function writeDamagedStoreWithWal(): void {
  const source = join(dataDir, 'source');
  mkdirSync(source);
  const store = openDeskStore(join(source, 'desk.sqlite'));
  store.insertBatch(deskCustomers);
  store.close();
  const writer = new Database(join(source, 'desk.sqlite'));
  writer.pragma('wal_autocheckpoint = 0');
  writer.prepare("INSERT INTO sync_state (key, value) VALUES ('written-before-the-crash', 'yes')").run();
  for (const suffix of ['', '-wal', '-shm']) copyFileSync(join(source, `desk.sqlite${suffix}`), `${file}${suffix}`);
  writer.close();
  rmSync(source, { recursive: true });
  damagePages(file, 4);
}

describe('a damaged store at start', () => {
  it('is set aside untouched with its -wal and -shm, and the desk starts with a new, empty store', async () => {
    writeDamagedStoreWithWal();
    const before = { main: readFileSync(file), wal: readFileSync(`${file}-wal`) };
    const desk = await boot();

    const [aside, ...rest] = setAsideFiles();
    expect(aside).toMatch(/^desk\.sqlite\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(rest).toEqual([`${aside}-shm`, `${aside}-wal`]);
    expect(readFileSync(join(dataDir, aside!)).equals(before.main)).toBe(true);
    expect(readFileSync(join(dataDir, `${aside}-wal`)).equals(before.wal)).toBe(true);

    expect((await desk.desk.handlers.searchCustomers({ query: 'Иванов', limit: 5 })).customers).toEqual([]);
    await desk.stop();
    running = undefined;
    expect(customersIn(file)).toBe(0);
  });

  it('says so in the desk’s state, naming the file set aside and that there is no hub to refill it', async () => {
    writeDamagedStoreWithWal();
    const desk = await boot();
    const [aside] = setAsideFiles();
    expect((await desk.desk.handlers.getDeskState({})).storeSetAside).toEqual({ file: join(dataDir, aside!), resync: false });
  });

  it('says so in the log as an error naming the file and what SQLite found', async () => {
    writeDamagedStoreWithWal();
    await boot();
    const [aside] = setAsideFiles();
    const entry = logLines.find((line) => line.setAside === join(dataDir, aside!));
    expect(entry?.level).toBe(50);
    expect(String(entry?.problem)).toMatch(/malformed|corrupt|page|btree|Tree/i);
    expect(entry?.msg).toMatch(/damaged/);
  });

  it('sets aside a file that is not SQLite at all', async () => {
    writeFileSync(file, 'these are not the pages of a SQLite database '.repeat(200));
    const desk = await boot();
    expect(setAsideFiles()).toHaveLength(1);
    expect((await desk.desk.handlers.getDeskState({})).storeSetAside?.file).toMatch(/desk\.sqlite\.damaged-/);
  });

  it('never puts demo data into the new store that replaces it', async () => {
    writeDamagedStoreWithWal();
    await boot(50);
    await running!.stop();
    running = undefined;
    expect(customersIn(file)).toBe(0);
  });
});

describe('demo data', () => {
  it('goes into the store a first start creates', async () => {
    await boot(50);
    await running!.stop();
    running = undefined;
    expect(customersIn(file)).toBe(50);
    expect(setAsideFiles()).toEqual([]);
  });

  it('never goes into a 0-byte file where a store was: that file is set aside and the desk says so', async () => {
    writeFileSync(file, '');
    const desk = await boot(50);
    expect((await desk.desk.handlers.getDeskState({})).storeSetAside?.file).toMatch(/desk\.sqlite\.damaged-/);
    await desk.stop();
    running = undefined;
    expect(customersIn(file)).toBe(0);
    expect(setAsideFiles()).toHaveLength(1);
  });

  it('never goes into a store that was there before, even one with no customers', async () => {
    openDeskStore(file).close();
    await boot(50);
    await running!.stop();
    running = undefined;
    expect(customersIn(file)).toBe(0);
  });
});

/**
 * A store in rollback-journal mode (as a desk before WAL, or dying in its first migration,
 * left it) whose writer was killed in the middle of a big transaction: a hot -journal.
 */
function writeStoreWithHotJournal(): void {
  const store = openDeskStore(file);
  store.insertBatch(deskCustomers);
  store.close();
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.close();
  const writer = `
    const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
    db.pragma('cache_size = 10');
    db.exec('BEGIN');
    const insert = db.prepare("INSERT INTO sync_state (key, value) VALUES (?, ?)");
    for (let i = 0; i < 20000; i++) insert.run('k' + i, 'v'.repeat(200));
    process.kill(process.pid, 'SIGKILL');`;
  const killed = spawnSync(process.execPath, ['-e', writer]);
  expect(killed.signal).toBe('SIGKILL');
  expect(existsSync(`${file}-journal`)).toBe(true);
}

describe('a sound store at start', () => {
  it('that a crash left with a hot journal is rolled back and used, not set aside', async () => {
    writeStoreWithHotJournal();
    const desk = await boot();
    expect((await desk.desk.handlers.getDeskState({})).storeSetAside).toBeNull();
    expect((await desk.desk.handlers.searchCustomers({ query: 'Иванов', limit: 5 })).customers.map((c) => c.id)).toEqual(['1001']);
    expect(setAsideFiles()).toEqual([]);
  });

  it('is used as it is, and nothing is set aside', async () => {
    const store = openDeskStore(file);
    store.insertBatch(deskCustomers);
    store.close();
    const desk = await boot(50);
    expect((await desk.desk.handlers.searchCustomers({ query: 'Иванов', limit: 5 })).customers.map((c) => c.id)).toEqual(['1001']);
    expect((await desk.desk.handlers.getDeskState({})).storeSetAside).toBeNull();
    expect(setAsideFiles()).toEqual([]);
  });

  it('that cannot be opened at all is refused and left where it is', async () => {
    mkdirSync(file);
    await expect(boot()).rejects.toThrow(/desk\.sqlite/);
    expect(existsSync(file)).toBe(true);
    expect(setAsideFiles()).toEqual([]);
  });
});
