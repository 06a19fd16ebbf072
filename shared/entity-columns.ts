/**
 * Each synced entity's stored columns, derived from its domain schema: the field, the column
 * that holds it, and how its value is kept where the column's type is not the field's. The
 * desk's SQL (SQLite) and the hub's (PostgreSQL) derive their INSERTs, upserts, SELECT lists,
 * JSON objects and row mappings from these maps, as Signal Desktop's `MESSAGE_COLUMNS` does
 * for its messages.
 *
 * To add a field to an entity: add it to its schema in domain.ts and a migration on each side
 * (desk and hub); nothing else.
 */
import { z } from 'zod';
import { CustomerSchema, InteractionSchema, PhoneSchema, PurchaseSchema, TicketSchema } from './domain.js';

/**
 * How a value is kept: `text` and `integer` as they are; `json` as JSON text on the desk and
 * jsonb on the hub; `time` as ISO 8601 text on the desk and timestamptz on the hub, always
 * written back as `toISOString()` writes it; `date` as YYYY-MM-DD text and a PostgreSQL date.
 */
export type ColumnKind = 'text' | 'integer' | 'json' | 'time' | 'date';

export interface ColumnSpec {
  readonly column: string;
  readonly kind: ColumnKind;
}

/** Every field of `T`, optional ones too, named with its column. */
export type ColumnMap<T> = { readonly [K in keyof T]-?: ColumnSpec };

/** A column is named by its field in snake_case (`customerNumber` → `customer_number`), on the desk and on the hub alike. */
const columnName = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** How a field's schema is kept; a schema of a kind no column holds yet is a mistake to catch at the first start, not a guess. */
function kindOf(field: string, schema: z.ZodType): ColumnKind {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return kindOf(field, schema.unwrap() as z.ZodType);
  // A string format (e.g. z.iso.datetime()) is a schema of its own class, so read the type and format it declares.
  const { format } = schema as { format?: string | null };
  switch (schema.type) {
    case 'string':
      return format === 'datetime' ? 'time' : format === 'date' ? 'date' : 'text';
    case 'enum':
      return 'text';
    case 'number':
      if (format === 'safeint') return 'integer';
      break;
    case 'array':
    case 'object':
      return 'json';
  }
  throw new Error(`entity-columns: no column kind for the field ${field} (a ${schema.type})`);
}

/** An entity's columns, derived from its domain schema: the schema is the one declaration of its fields. */
export function columnsOf<S extends z.ZodObject>(schema: S): ColumnMap<z.output<S>> {
  const entries = Object.entries(schema.shape).map(([field, fieldSchema]) => [field, { column: columnName(field), kind: kindOf(field, fieldSchema as z.ZodType) }]);
  return Object.fromEntries(entries) as ColumnMap<z.output<S>>;
}

export const CUSTOMER_COLUMNS = columnsOf(CustomerSchema);
/** A phone's row also names its customer (`customer_id`), which is not a field of Phone. */
export const PHONE_COLUMNS = columnsOf(PhoneSchema);
export const PURCHASE_COLUMNS = columnsOf(PurchaseSchema);
export const TICKET_COLUMNS = columnsOf(TicketSchema);
/**
 * `agentName` is a column on the desk only: the hub keeps agents' names in its agents table
 * and names the agent when it sends a note.
 */
export const INTERACTION_COLUMNS = columnsOf(InteractionSchema);

/** The fields of a map, in its declared order (the order every derived column list uses). */
export const fieldsOf = <T>(columns: ColumnMap<T>): (keyof T & string)[] => Object.keys(columns) as (keyof T & string)[];

/** The same map without some of its fields, for a side that keeps them elsewhere. */
export function withoutFields<T, K extends keyof T>(columns: ColumnMap<T>, ...omit: K[]): ColumnMap<Omit<T, K>> {
  return Object.fromEntries(Object.entries(columns).filter(([field]) => !omit.includes(field as K))) as ColumnMap<Omit<T, K>>;
}

/** The same map with only some of its fields, in the order given: for a writer that carries only those. */
export function pickFields<T, K extends keyof T>(columns: ColumnMap<T>, fields: readonly K[]): ColumnMap<Pick<T, K>> {
  return Object.fromEntries(fields.map((field) => [field, columns[field]])) as unknown as ColumnMap<Pick<T, K>>;
}
