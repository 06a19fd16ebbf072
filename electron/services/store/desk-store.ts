/**
 * The narrow door to the desk's SQLite file: the rest of the desk calls these
 * functions, which say what they mean; all SQL stays behind them.
 */
import type { CallLogEntry } from '../../../shared/call.js';
import type {
  Annotation,
  Customer,
  CustomerCard,
  CustomerSearchResult,
  E164,
  Interaction,
  NewCustomer,
  Phone,
  Purchase,
  Ticket,
} from '../../../shared/domain.js';
import type { CustomerUpdate } from '../../../shared/sync.js';
import type { SyncWrites } from './sync-writes.js';
import type { DraftWrites } from './draft-writes.js';

export interface PhoneLookup {
  /** exact: same E.164; probable: only the national significant number agrees; none: nobody. */
  match: 'exact' | 'probable' | 'none';
  hits: { customerId: string; matchedPhone: E164 }[];
}

/** One batch of demo or imported data, written in one transaction. */
export interface CustomerBatch {
  customers: { customer: Customer; phones: Phone[] }[];
  purchases: Purchase[];
  tickets: Ticket[];
  interactions: Interaction[];
}

export interface StoreHealth {
  integrity: string;
  customers: number;
  phones: number;
  purchases: number;
  tickets: number;
  interactions: number;
  outbox: number;
  schemaVersion: number;
}

/** Besides the calls below, the sync side (pulled pages, their cursor, the outbox: sync-writes.ts) and drafts (draft-writes.ts). */
export interface DeskStore extends SyncWrites, DraftWrites {
  /** Exact E.164 match first; only when there is none, the national-number fallback. */
  lookupPhone(query: { e164: E164 | null; nationalNumber: string | null }): PhoneLookup;
  getCustomerCard(customerId: string): CustomerCard | undefined;
  /**
   * Full-text search over names (in either script), company, email and customer number,
   * diacritics and case ignored; a query of digits also finds any run of digits of a phone.
   */
  searchCustomers(query: string, limit: number): CustomerSearchResult;
  /** The customer and its outbox row in one transaction; a replayed mutationId returns the first result. */
  createCustomer(input: NewCustomer, now: Date): CustomerCard;
  /**
   * The fields edited and their outbox row in one transaction; a replayed mutationId
   * changes nothing. Undefined when there is no such customer.
   */
  updateCustomer(update: CustomerUpdate, now: Date): CustomerCard | undefined;
  /** The interaction, its outbox row and the removal of its draft in one transaction; a replayed mutationId returns the first result. */
  recordAnnotation(annotation: Annotation, agent: { id: string; name: string }, now: Date): Interaction;
  /** One row per callId: recording the same call again replaces nothing. */
  recordCall(entry: CallLogEntry): void;
  /** Most recent first. */
  listCallLog(limit: number): CallLogEntry[];
  insertBatch(batch: CustomerBatch): void;
  countCustomers(): number;
  /** Random phones for the simulator: owned by exactly one customer, or shared by several. */
  samplePhones(kind: 'single' | 'shared', count: number): E164[];
  health(): StoreHealth;
  close(): void;
}
