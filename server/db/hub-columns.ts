/**
 * Columns the hub's tables hold beside an entity's own (shared/entity-columns.ts): what a
 * desk never sees, and what links a phone to its customer.
 */
import { type ColumnMap, type ColumnSpec, PHONE_COLUMNS } from '../../shared/entity-columns.js';
import type { Phone } from '../../shared/domain.js';

/** The id a feed gives a row (customers, purchases, tickets), by which a later feed finds it again. */
export const EXTERNAL_ID: ColumnSpec = { column: 'external_id', kind: 'text' };

/** A row of the phones table: the phone and its customer's id. */
export type PhoneRow = Phone & { customerId: string };
export const PHONE_ROW_COLUMNS: ColumnMap<PhoneRow> = { customerId: { column: 'customer_id', kind: 'text' }, ...PHONE_COLUMNS };
