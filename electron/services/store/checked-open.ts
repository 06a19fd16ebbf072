/**
 * How the desk opens its store when it starts. SQLite's quick_check reads every page
 * first: a store with damaged pages would otherwise open fine and then fail one caller
 * in three ("database disk image is malformed") while the desk went on writing into it.
 * A damaged file is set aside untouched, with its -wal and -shm, for IT to recover what
 * had not reached the hub, and a new store takes its place.
 *
 * The desk builds a new store under a temporary name and renames it into place, so it
 * never leaves a 0-byte or schema-less desk.sqlite itself. A file found in that state
 * therefore held a store that lost its contents: it is set aside like any damage, and
 * demo data only ever goes into a store this very start created where there was none.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { DeskStore } from './desk-store.js';
import { openDeskStore, StoreOpenError } from './open-store.js';
import { storeFailureOf } from './store-failure.js';

/** SQLite's companions of a database file, named by appending to its name. */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const;
/** Enough of quick_check's findings for the log; the first already says the file is damaged. */
const FINDINGS_KEPT = 5;
/** A read-only connection's answer to a journal or -wal index that needs recovering first. */
const NEEDS_A_WRITER = new Set(['SQLITE_READONLY_ROLLBACK', 'SQLITE_READONLY_RECOVERY']);

export type StoreCheck = { state: 'missing' } | { state: 'sound' } | { state: 'damaged'; problem: string };

export interface CheckedStore {
  store: DeskStore;
  /** True when this start made the store: nothing was there, or a damaged file was set aside. */
  created: boolean;
  setAside: { file: string; problem: string } | null;
  checkMs: number;
}

/**
 * Reads the whole file through a read-only connection, which never checkpoints the
 * -wal into it: a damaged file leaves this exactly as it came. Throws StoreOpenError when
 * the file cannot be read at all (permissions, a lock), which is no reason to set it aside.
 */
export function checkStoreFile(file: string): StoreCheck {
  if (!existsSync(file)) {
    // A -wal or -journal with no database beside it is what is left of a store, not a first start.
    const orphans = COMPANIONS.filter((suffix) => existsSync(file + suffix));
    return orphans.length === 0 ? { state: 'missing' } : { state: 'damaged', problem: `the store is gone but its ${orphans.join(', ')} is still there` };
  }
  const stat = statSync(file);
  if (stat.isFile() && stat.size === 0) return { state: 'damaged', problem: 'the file is empty (0 bytes)' };
  const first = quickCheck(file, { readonly: true });
  if (first !== 'needs a writer') return first;
  // A hot rollback journal (a writer killed before the file was in WAL mode), or a -wal
  // whose index a read-only connection cannot rebuild, needs a writer to recover it. That is
  // SQLite's own recovery, which any open does first; the file it leaves is the one to check.
  const recovered = quickCheck(file, { readonly: false });
  if (recovered === 'needs a writer') throw new StoreOpenError(`${file}: cannot recover the desk store's journal`);
  return recovered;
}

function quickCheck(file: string, { readonly }: { readonly: boolean }): StoreCheck | 'needs a writer' {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly, fileMustExist: true });
  } catch (err) {
    throw new StoreOpenError(`${file}: cannot open the desk store (${(err as Error).message})`);
  }
  try {
    const findings = (db.pragma(`quick_check(${FINDINGS_KEPT})`) as { quick_check: string }[]).map((row) => row.quick_check);
    return findings.length === 1 && findings[0] === 'ok' ? { state: 'sound' } : { state: 'damaged', problem: findings.join('; ') };
  } catch (err) {
    // Only wrong bytes are damage: a busy, locked or unreachable file is no reason to set it aside.
    if (storeFailureOf(err) === 'damaged') return { state: 'damaged', problem: (err as Error).message };
    if (readonly && err instanceof Database.SqliteError && NEEDS_A_WRITER.has(err.code)) return 'needs a writer';
    throw new StoreOpenError(`${file}: cannot check the desk store (${(err as Error).message})`);
  } finally {
    db.close();
  }
}

/**
 * Renames the file and its companions to one name with the time in it, so a second damage
 * never overwrites the first and SQLite (or IT's recovery tool) still pairs the -wal with
 * its database. The database goes first: a start that dies halfway leaves only an orphan
 * -wal, which the next start sets aside in turn.
 */
function setStoreAside(file: string, now: Date): string {
  const aside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', ...COMPANIONS]) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

function createStoreFile(file: string): void {
  const building = `${file}.new`;
  // Left by a start that died while building: it never held anything but the schema.
  for (const suffix of ['', ...COMPANIONS]) rmSync(building + suffix, { force: true });
  openDeskStore(building).close();
  renameSync(building, file);
}

export function openCheckedStore(file: string, now = new Date()): CheckedStore {
  const started = performance.now();
  const check = checkStoreFile(file);
  const checkMs = performance.now() - started;
  if (check.state === 'sound') return { store: openDeskStore(file), created: false, setAside: null, checkMs };
  const setAside = check.state === 'damaged' ? { file: setStoreAside(file, now), problem: check.problem } : null;
  createStoreFile(file);
  return { store: openDeskStore(file), created: true, setAside, checkMs };
}
