/**
 * The desk's tables, each from its entity's column map: every INSERT, upsert, SELECT list and
 * row mapping in the store comes from here. Their columns follow the map's rule (a field in
 * snake_case) in both desk migrations; the extra columns of a table are no field of its entity.
 */
import { z } from 'zod';
import { CallLogEntrySchema } from '../../../shared/call.js';
import { DraftSchema } from '../../../shared/draft.js';
import {
  columnsOf,
  CUSTOMER_COLUMNS,
  INTERACTION_COLUMNS,
  PHONE_COLUMNS,
  PURCHASE_COLUMNS,
  TICKET_COLUMNS,
} from '../../../shared/entity-columns.js';
import { deskTable } from './sql-columns.js';

export const CUSTOMERS = deskTable('customers', CUSTOMER_COLUMNS);
/** A phone row names its owner, and its national significant number for the probable-match lookup. */
export const PHONES = deskTable('phones', PHONE_COLUMNS, columnsOf(z.object({ customerId: z.string(), nationalNumber: z.string() })));
export const PURCHASES = deskTable('purchases', PURCHASE_COLUMNS);
export const TICKETS = deskTable('tickets', TICKET_COLUMNS);
export const INTERACTIONS = deskTable('interactions', INTERACTION_COLUMNS);
export const CALL_LOG = deskTable('call_log', columnsOf(CallLogEntrySchema));
/** A draft row is keyed by its call or customer (draftKey in shared/draft.ts). */
export const DRAFTS = deskTable('drafts', columnsOf(DraftSchema), columnsOf(z.object({ draftKey: z.string() })));
