/**
 * The narrow door to the desk's SQLite file, declared before it is built (as Signal Desktop's
 * `Interface.std.ts`): what may be read, what may be written. The rest of the desk calls these
 * functions, which say what they mean; all SQL stays behind them, and each part of the
 * implementation (open-store.ts, sync-writes.ts, draft-writes.ts) is checked against its side here.
 * A caller that only reads asks for the reader it needs.
 */
import type { CallLogEntry } from '../../../shared/call.js';
import type {
  Annotation,
  Customer,
  CustomerCard,
  CustomerSearchResult,
  CustomerSummary,
  E164,
  Interaction,
  NewCustomer,
  Phone,
  Purchase,
  Ticket,
} from '../../../shared/domain.js';
import type { Draft } from '../../../shared/draft.js';
import type { Change, CustomerUpdate, MutationResult, SyncStatus } from '../../../shared/sync.js';

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

export interface OutboxEntry {
  mutationId: string;
  kind: string;
  payload: unknown;
}

/** A hub session kept across restarts, so the agent signs in once per session rather than once per start. */
export interface SavedSession {
  hubUrl: string;
  username: string;
  token: string;
}

export interface CustomerReader {
  /** Exact E.164 match first; only when there is none, the national-number fallback. */
  lookupPhone(query: { e164: E164 | null; nationalNumber: string | null }): PhoneLookup;
  getCustomerCard(customerId: string): CustomerCard | undefined;
  /**
   * Full-text search over names (in either script), company, email and customer number,
   * diacritics and case ignored; a query of digits also finds any run of digits of a phone.
   */
  searchCustomers(query: string, limit: number): CustomerSearchResult;
  /**
   * The customer about `fraction` (0 to 1) of the way through the store, in the order they
   * were stored: a random pick costs one index step, where ORDER BY random() sorts them all.
   * Undefined in an empty store.
   */
  customerAt(fraction: number): CustomerSummary | undefined;
  countCustomers(): number;
}

export interface CustomerWriter {
  /** The customer and its outbox row in one transaction; a replayed mutationId returns the first result. */
  createCustomer(input: NewCustomer, now: Date): CustomerCard;
  /**
   * The fields edited and their outbox row in one transaction; a replayed mutationId
   * changes nothing. Undefined when there is no such customer.
   */
  updateCustomer(update: CustomerUpdate, now: Date): CustomerCard | undefined;
  /** The interaction, its outbox row and the removal of its draft in one transaction; a replayed mutationId returns the first result. */
  recordAnnotation(annotation: Annotation, agent: { id: string; name: string }, now: Date): Interaction;
  insertBatch(batch: CustomerBatch): void;
}

export interface CallLogReader {
  /** Most recent first. */
  listCallLog(limit: number): CallLogEntry[];
}

export interface CallLogWriter {
  /** One row per callId: recording the same call again replaces nothing. */
  recordCall(entry: CallLogEntry): void;
}

/**
 * Drafts: what the operator typed and has not saved. A resend that arrives after a newer
 * copy, or after the note itself was saved, changes nothing.
 */
export interface DraftReader {
  /** Oldest first, as the tabs list them. */
  listDrafts(): Draft[];
}

export interface DraftWriter {
  /** False when nothing was kept: a newer copy is stored, or the note was already saved. */
  saveDraft(draft: Draft): boolean;
  /** False when there was no such draft. */
  discardDraft(key: string): boolean;
}

/** The store's side of sync: pulled pages and their cursor, the outbox, the hub session. */
export interface SyncReader {
  syncCursor(): number;
  /** None when there is none, or what is kept is unreadable: the agent signs in again, nothing else is lost. */
  savedSession(): SavedSession | null;
  /** In write order, without the ones the hub refused for good. */
  pendingMutations(limit: number): OutboxEntry[];
  outboxCounts(): Pick<SyncStatus, 'pending' | 'rejected' | 'lastRefusal'>;
}

export interface SyncWriter {
  /**
   * A pulled page and the cursor that follows it, in one transaction: a desk killed mid-pull
   * resumes exactly where its last page ended. Answers the customers the page touched.
   */
  applyChanges(changes: Change[], cursor: number): Set<string>;
  saveSession(session: SavedSession | null): void;
  /** The hub's answers: accepted entries leave the outbox, refused ones stay with the reason. */
  settleMutations(results: MutationResult[]): void;
}

export type SyncStore = SyncReader & SyncWriter;

export interface DeskStoreReader extends CustomerReader, CallLogReader, DraftReader, SyncReader {
  health(): StoreHealth;
}

export interface DeskStoreWriter extends CustomerWriter, CallLogWriter, DraftWriter, SyncWriter {}

export interface DeskStore extends DeskStoreReader, DeskStoreWriter {
  close(): void;
}
