/**
 * What went wrong with the store, in the few kinds that call for different action from
 * the operator or IT. SQLite's extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED,
 * SQLITE_CORRUPT_VTAB …) are read by their primary code, so one SQLite adds later is still named.
 */
import Database from 'better-sqlite3';

export type StoreFailure = 'full' | 'readOnly' | 'ioError' | 'damaged';

const BY_PRIMARY_CODE: Record<string, StoreFailure> = {
  SQLITE_FULL: 'full',
  SQLITE_READONLY: 'readOnly',
  SQLITE_IOERR: 'ioError',
  SQLITE_CORRUPT: 'damaged',
  SQLITE_NOTADB: 'damaged',
};

export function storeFailureOf(err: unknown): StoreFailure | null {
  if (!(err instanceof Database.SqliteError)) return null;
  const primary = err.code.split('_').slice(0, 2).join('_');
  return BY_PRIMARY_CODE[primary] ?? null;
}
