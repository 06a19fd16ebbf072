/**
 * The hub's SQL fragments for an entity, derived from its column map
 * (shared/entity-columns.ts): an INSERT's column list, placeholders and values, a batch's
 * `unnest` arrays, an upsert's SET from EXCLUDED, and the JSON object a pull sends. A field
 * added to an entity's schema appears in every one of them; only the migration that adds
 * its column is written by hand.
 */
import type { ColumnKind, ColumnMap, ColumnSpec } from '../../shared/entity-columns.js';

/** The column a batch's array of this kind is read as; a whole number is a bigint, which PostgreSQL narrows to an integer column on write. */
const ARRAY_TYPES: Record<ColumnKind, string> = { text: 'text', integer: 'bigint', json: 'jsonb', time: 'timestamptz', date: 'date' };

const entriesOf = <T>(columns: ColumnMap<T>) => Object.entries(columns) as [keyof T & string, ColumnSpec][];
const specsOf = <T>(columns: ColumnMap<T>) => Object.values(columns) as ColumnSpec[];
const qualified = (column: string, alias?: string) => (alias ? `${alias}.${column}` : column);
const unkeyed = <T>(columns: ColumnMap<T>, key: keyof T) => entriesOf(columns).filter(([field]) => field !== key).map(([, spec]) => spec.column);

/** `c.id, c.customer_number, …`: the map's columns in its order, qualified by `alias` when one is given. */
export const columnList = <T>(columns: ColumnMap<T>, alias?: string): string => specsOf(columns).map((spec) => qualified(spec.column, alias)).join(', ');

/** `$first, $first + 1, …`: one placeholder for each column of the map. */
export const placeholders = <T>(columns: ColumnMap<T>, first = 1): string => specsOf(columns).map((_, n) => `$${first + n}`).join(', ');

/** A value as PostgreSQL is handed it: JSON as its text (pg would send a list as a PostgreSQL array), an absent one as NULL, the rest as it is. */
export const columnValue = (spec: ColumnSpec, value: unknown): unknown => (value === undefined || value === null ? null : spec.kind === 'json' ? JSON.stringify(value) : value);

/** A row's values for {@link placeholders}, in the same order; fields the map has not got are left out. */
export const valuesOf = <T>(columns: ColumnMap<T>, row: NoInfer<T>): unknown[] => entriesOf(columns).map(([field, spec]) => columnValue(spec, row[field]));

/** Each column's values across `rows`, in the map's order: one statement carries a whole batch through {@link unnestRows}. */
export const columnArrays = <T>(columns: ColumnMap<T>, rows: readonly NoInfer<T>[]): unknown[][] =>
  entriesOf(columns).map(([field, spec]) => rows.map((row) => columnValue(spec, row[field])));

/** `unnest($first::text[], …) AS alias(col, …)`: the arrays of {@link columnArrays} as a table of rows. */
export function unnestRows<T>(columns: ColumnMap<T>, alias: string, first = 1): string {
  const arrays = specsOf(columns).map((spec, n) => `$${first + n}::${ARRAY_TYPES[spec.kind]}[]`);
  return `unnest(${arrays.join(', ')}) AS ${alias}(${columnList(columns)})`;
}

/** `col = EXCLUDED.col, …` for every column but the key's: what an upsert writes over the row that is there. */
export const setFromExcluded = <T>(columns: ColumnMap<T>, key: keyof T): string =>
  unkeyed(columns, key).map((column) => `${column} = EXCLUDED.${column}`).join(', ');

/** `(table.col, …) IS DISTINCT FROM (EXCLUDED.col, …)` over every column but the key's: true when an upsert would change the row. */
export function differsFromExcluded<T>(table: string, columns: ColumnMap<T>, key: keyof T): string {
  const kept = unkeyed(columns, key);
  return `(${kept.map((column) => `${table}.${column}`).join(', ')}) IS DISTINCT FROM (${kept.map((column) => `EXCLUDED.${column}`).join(', ')})`;
}

/** JavaScript's toISOString(), so the desk stores one timestamp format whichever side wrote the row. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface JsonObjectOptions<T> {
  /** The table's alias in the query. */
  alias?: string;
  /** The expression of each field the table holds no column for. */
  computed?: Partial<Record<keyof T, string>>;
}

/**
 * `json_build_object('field', col, …)`: a row as its domain type's JSON, every field in the
 * map's order, written by PostgreSQL so the hub passes the text through; times in the form
 * toISOString() writes, dates as YYYY-MM-DD.
 */
export function jsonObject<T>(columns: ColumnMap<T>, { alias, computed = {} }: JsonObjectOptions<T> = {}): string {
  const pairs = entriesOf(columns).map(([field, spec]) => {
    const column = qualified(spec.column, alias);
    return `'${field}', ${computed[field] ?? (spec.kind === 'time' ? iso(column) : column)}`;
  });
  return `json_build_object(${pairs.join(', ')})`;
}
