/**
 * A desk table's SQL, derived from its entity's column map (shared/entity-columns.ts): the
 * INSERT, the upsert, the SELECT list and the row ↔ domain mapping, as Signal Desktop builds
 * its statements from `MESSAGE_COLUMNS` with `sqlFragment`. A field added to an entity's schema
 * reaches every statement built here; only its migration is written by hand.
 */
import type { ColumnMap, ColumnSpec } from '../../../shared/entity-columns.js';

/** How SQLite hands a field back: JSON as its text, an absent optional value as NULL. */
type Stored<V> = V extends readonly unknown[] | { readonly [key: string]: unknown } ? string : Exclude<V, undefined> | (undefined extends V ? null : never);

/** A row as a table's SELECT list reads it: each column under its field's name, not yet parsed. */
export type StoredRow<T> = { -readonly [K in keyof T]-?: Stored<T[K]> };

/** Named parameters (`@field`) as better-sqlite3 binds them. */
export type RowParams = Record<string, string | number | null>;

export interface UpsertOptions<F> {
  /** The field whose unique column decides that a row is already there. */
  key: F;
  /** Fields an update leaves as they were first written. */
  keep?: readonly F[];
  /** Writes the row only when this holds (`INSERT … SELECT … WHERE`). */
  onlyIf?: string;
  /** Updates an existing row only when this holds (`DO UPDATE … WHERE`). */
  when?: string;
}

export interface DeskTable<T, K> {
  readonly name: string;
  /** The quoted column of a field, for the WHERE and ORDER BY clauses written beside the derived lists. */
  column(field: keyof T | keyof K): string;
  /** Every domain field's column, read back under the field's name; `alias` qualifies them for a join. */
  select(alias?: string): string;
  readonly insert: string;
  /** For rows that may be there already and must then stay as they are. */
  readonly insertOrIgnore: string;
  /**
   * For rows that may be there already and are then written anew. Only for a table no other
   * row references: the replace deletes the old row first, and a delete cascades.
   */
  readonly insertOrReplace: string;
  /**
   * `INSERT … ON CONFLICT (key) DO UPDATE SET` every other column: the row keeps its rowid and,
   * unlike INSERT OR REPLACE, is never deleted first, so nothing that references it cascades.
   */
  upsert(options: UpsertOptions<keyof T | keyof K>): string;
  /** The named parameters of a value: JSON fields as text, an absent optional field as NULL. */
  params(value: T & K): RowParams;
  /** The domain value of a row the SELECT list read; any other column of the row is left out. */
  read(row: StoredRow<T>): T;
}

const quoted = (name: string) => `"${name}"`;

/**
 * The table `name`, holding `columns` (the domain fields every SELECT reads back) and `keys`:
 * columns that are written but are no field of the domain type (a phone's customer, a draft's key).
 */
export function deskTable<T, K = Record<never, never>>(name: string, columns: ColumnMap<T>, keys?: ColumnMap<K>): DeskTable<T, K> {
  const read: [string, ColumnSpec][] = Object.entries(columns);
  const written: [string, ColumnSpec][] = [...Object.entries<ColumnSpec>(keys ?? {}), ...read];
  const writtenFields = written.map(([field]) => field);
  const jsonFields = written.filter(([, spec]) => spec.kind === 'json').map(([field]) => field);
  const columnOf = new Map(written.map(([field, spec]) => [field, quoted(spec.column)]));
  const columnList = written.map(([, spec]) => quoted(spec.column)).join(', ');
  const paramList = written.map(([field]) => `@${field}`).join(', ');
  const insertInto = (verb: string) => `${verb} INTO ${name} (${columnList}) VALUES (${paramList})`;

  return {
    name,
    column: (field) => columnOf.get(String(field))!,
    select: (alias) => read.map(([field, spec]) => `${alias ? `${alias}.` : ''}${quoted(spec.column)} AS ${quoted(field)}`).join(', '),
    insert: insertInto('INSERT'),
    insertOrIgnore: insertInto('INSERT OR IGNORE'),
    insertOrReplace: insertInto('INSERT OR REPLACE'),
    upsert({ key, keep = [], onlyIf, when }) {
      const unchanged = new Set<string>([String(key), ...keep.map(String)]);
      const set = written
        .filter(([field]) => !unchanged.has(field))
        .map(([, spec]) => `${quoted(spec.column)} = excluded.${quoted(spec.column)}`)
        .join(', ');
      // After an INSERT … SELECT, SQLite reads ON CONFLICT as an upsert only behind a WHERE (else as a join's ON): onlyIf is that WHERE.
      const values = onlyIf === undefined ? `VALUES (${paramList})` : `SELECT ${paramList} WHERE ${onlyIf}`;
      return `INSERT INTO ${name} (${columnList}) ${values} ON CONFLICT (${columnOf.get(String(key))}) DO UPDATE SET ${set}${when === undefined ? '' : ` WHERE ${when}`}`;
    },
    // Plain loops over a copy: a first sync runs these for millions of rows. Keys no column names are ignored by better-sqlite3.
    params(value) {
      const row: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const field of writtenFields) row[field] ??= null;
      for (const field of jsonFields) if (row[field] !== null) row[field] = JSON.stringify(row[field]);
      return row as RowParams;
    },
    read(row) {
      const stored = row as Record<string, unknown>;
      const value: Record<string, unknown> = {};
      for (const [field, { kind }] of read) value[field] = kind === 'json' && stored[field] !== null ? JSON.parse(stored[field] as string) : stored[field];
      return value as T;
    },
  };
}
