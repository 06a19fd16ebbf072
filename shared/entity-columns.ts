/**
 * Each synced entity's stored columns, declared once: the field of its domain type, the
 * column that holds it, and how its value is kept where the column's type is not the
 * field's. The desk's SQL (SQLite) and the hub's (PostgreSQL) derive their INSERTs, upserts,
 * SELECT lists, JSON objects and row mappings from these maps, as Signal Desktop's
 * `MESSAGE_COLUMNS` does for its messages.
 *
 * To add a field to an entity: add it to its schema in domain.ts, here (`columnMap` fails the
 * typecheck until you do), and a migration on each side (desk and hub); nothing else.
 */
import type { Customer, Interaction, Phone, Purchase, Ticket } from './domain.js';

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

/** The map of `T` from the kind of each of its fields, optional ones too: a missing or unknown field fails the typecheck. */
export function columnMap<T>(kinds: { readonly [K in keyof T]-?: ColumnKind }): ColumnMap<T> {
  return Object.fromEntries(Object.entries(kinds).map(([field, kind]) => [field, { column: columnName(field), kind }])) as ColumnMap<T>;
}

export const CUSTOMER_COLUMNS = columnMap<Customer>({
  id: 'text', customerNumber: 'text', firstName: 'text', lastName: 'text', company: 'text', email: 'text', type: 'text',
  industry: 'text', source: 'text', tags: 'json', country: 'text', createdAt: 'time', updatedAt: 'time',
});

/** A phone's row also names its customer (`customer_id`), which is not a field of Phone. */
export const PHONE_COLUMNS = columnMap<Phone>({ e164: 'text', label: 'text' });

export const PURCHASE_COLUMNS = columnMap<Purchase>({
  id: 'text', customerId: 'text', orderNumber: 'text', product: 'text', quantity: 'integer', amountMinor: 'integer', currency: 'text', purchasedAt: 'time',
});

export const TICKET_COLUMNS = columnMap<Ticket>({
  id: 'text', customerId: 'text', subject: 'text', status: 'text', priority: 'text', openedAt: 'time', slaDueAt: 'time',
});

/**
 * `agentName` is a column on the desk only: the hub keeps agents' names in its agents table
 * and names the agent when it sends a note.
 */
export const INTERACTION_COLUMNS = columnMap<Interaction>({
  id: 'text', customerId: 'text', kind: 'text', callId: 'text', phone: 'text', disposition: 'text', note: 'text',
  followUpOn: 'date', agent: 'text', agentName: 'text', at: 'time',
});

/** The fields of a map, in its declared order (the order every derived column list uses). */
export const fieldsOf = <T>(columns: ColumnMap<T>): (keyof T & string)[] => Object.keys(columns) as (keyof T & string)[];

/** The same map without some of its fields, for a side that keeps them elsewhere. */
export function withoutFields<T, K extends keyof T>(columns: ColumnMap<T>, ...omit: K[]): ColumnMap<Omit<T, K>> {
  return Object.fromEntries(Object.entries(columns).filter(([field]) => !omit.includes(field as K))) as ColumnMap<Omit<T, K>>;
}
