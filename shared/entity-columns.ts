/**
 * Each synced entity's stored columns, declared once: the field of its domain type, the
 * column that holds it, and how its value is kept where the column's type is not the
 * field's. The desk's SQL (SQLite) and the hub's (PostgreSQL) derive their INSERTs, upserts,
 * SELECT lists, JSON objects and row mappings from these maps, as Signal Desktop's
 * `MESSAGE_COLUMNS` does for its messages.
 *
 * To add a field to an entity: add it to its schema in domain.ts, here (the `satisfies`
 * below fails until you do), and a migration on each side (desk and hub); nothing else.
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

const text = (column: string): ColumnSpec => ({ column, kind: 'text' });
const integer = (column: string): ColumnSpec => ({ column, kind: 'integer' });
const json = (column: string): ColumnSpec => ({ column, kind: 'json' });
const time = (column: string): ColumnSpec => ({ column, kind: 'time' });
const date = (column: string): ColumnSpec => ({ column, kind: 'date' });

export const CUSTOMER_COLUMNS = {
  id: text('id'),
  customerNumber: text('customer_number'),
  firstName: text('first_name'),
  lastName: text('last_name'),
  company: text('company'),
  email: text('email'),
  type: text('type'),
  industry: text('industry'),
  source: text('source'),
  tags: json('tags'),
  country: text('country'),
  createdAt: time('created_at'),
  updatedAt: time('updated_at'),
} as const satisfies ColumnMap<Customer>;

/** A phone's row also names its customer (`customer_id`), which is not a field of Phone. */
export const PHONE_COLUMNS = {
  e164: text('e164'),
  label: text('label'),
} as const satisfies ColumnMap<Phone>;

export const PURCHASE_COLUMNS = {
  id: text('id'),
  customerId: text('customer_id'),
  orderNumber: text('order_number'),
  product: text('product'),
  quantity: integer('quantity'),
  amountMinor: integer('amount_minor'),
  currency: text('currency'),
  purchasedAt: time('purchased_at'),
} as const satisfies ColumnMap<Purchase>;

export const TICKET_COLUMNS = {
  id: text('id'),
  customerId: text('customer_id'),
  subject: text('subject'),
  status: text('status'),
  priority: text('priority'),
  openedAt: time('opened_at'),
  slaDueAt: time('sla_due_at'),
} as const satisfies ColumnMap<Ticket>;

/**
 * `agentName` is a column on the desk only: the hub keeps agents' names in its agents table
 * and names the agent when it sends a note.
 */
export const INTERACTION_COLUMNS = {
  id: text('id'),
  customerId: text('customer_id'),
  kind: text('kind'),
  callId: text('call_id'),
  phone: text('phone'),
  disposition: text('disposition'),
  note: text('note'),
  followUpOn: date('follow_up_on'),
  agent: text('agent'),
  agentName: text('agent_name'),
  at: time('at'),
} as const satisfies ColumnMap<Interaction>;

/** The fields of a map, in its declared order (the order every derived column list uses). */
export const fieldsOf = <T>(columns: ColumnMap<T>): (keyof T & string)[] => Object.keys(columns) as (keyof T & string)[];

/** The same map without some of its fields, for a side that keeps them elsewhere. */
export function withoutFields<T, K extends keyof T>(columns: ColumnMap<T>, ...omit: K[]): ColumnMap<Omit<T, K>> {
  return Object.fromEntries(Object.entries(columns).filter(([field]) => !omit.includes(field as K))) as ColumnMap<Omit<T, K>>;
}
