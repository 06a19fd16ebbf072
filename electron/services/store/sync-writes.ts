/**
 * The store's side of sync: pages pulled from the hub written with the cursor that
 * follows them in one transaction (a desk killed mid-pull resumes exactly where its
 * last page ended), and the outbox read in write order and settled by the hub's answers.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { parseJson } from '../../../shared/json.js';
import { type Change, type MutationResult, ReadRefusalSchema, type SyncStatus } from '../../../shared/sync.js';
import type { CustomerWrites } from './customer-writes.js';
import { interactionRow } from './rows.js';

export interface OutboxEntry {
  mutationId: string;
  kind: string;
  payload: unknown;
}

const CURSOR_KEY = 'pull_cursor';
const SESSION_KEY = 'hub_session';

/** A hub session kept across restarts, so the agent signs in once per session rather than once per start. */
const SavedSessionSchema = z.object({ hubUrl: z.string(), username: z.string(), token: z.string() });
export type SavedSession = z.infer<typeof SavedSessionSchema>;

export function createSyncWrites(db: Database, customers: CustomerWrites) {
  const sql = {
    stateValue: db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck(),
    forgetState: db.prepare('DELETE FROM sync_state WHERE key = ?'),
    setState: db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    customerRowid: db.prepare('SELECT rowid FROM customers WHERE id = ?').pluck(),
    putPurchase: db.prepare(`
      INSERT OR REPLACE INTO purchases (id, customer_id, order_number, product, quantity, amount_minor, currency, purchased_at)
      VALUES (@id, @customerId, @orderNumber, @product, @quantity, @amountMinor, @currency, @purchasedAt)`),
    putTicket: db.prepare(`
      INSERT OR REPLACE INTO tickets (id, customer_id, subject, status, priority, opened_at, sla_due_at)
      VALUES (@id, @customerId, @subject, @status, @priority, @openedAt, @slaDueAt)`),
    putInteraction: db.prepare(`
      INSERT OR REPLACE INTO interactions (id, customer_id, kind, call_id, phone, disposition, note, follow_up_on, agent, agent_name, at)
      VALUES (@id, @customerId, @kind, @callId, @phone, @disposition, @note, @followUpOn, @agent, @agentName, @at)`),
    pending: db.prepare('SELECT mutation_id, kind, payload FROM outbox WHERE rejected_reason IS NULL ORDER BY rowid LIMIT ?'),
    acknowledge: db.prepare('DELETE FROM outbox WHERE mutation_id = ?'),
    reject: db.prepare('UPDATE outbox SET rejected_reason = ? WHERE mutation_id = ?'),
    counts: db.prepare(`
      SELECT count(*) FILTER (WHERE rejected_reason IS NULL) AS pending, count(rejected_reason) AS rejected,
             (SELECT rejected_reason FROM outbox WHERE rejected_reason IS NOT NULL ORDER BY rowid DESC LIMIT 1) AS lastRefusal
      FROM outbox`),
  };

  /** A new customer is a plain insert: an upsert (ON CONFLICT DO UPDATE … RETURNING) costs four times as much here, and a first sync inserts a million. */
  function putCustomer({ customer, phones }: Extract<Change, { entity: 'customer' }>): void {
    const rowid = sql.customerRowid.get(customer.id) as number | undefined;
    if (rowid === undefined) {
      customers.insert(customer, phones);
      return;
    }
    customers.update(rowid, customer);
    customers.replacePhones(rowid, customer.id, phones);
  }

  /** Customers first: a page carries the customers its history rows belong to, but not always ahead of them. */
  const applyChanges = db.transaction((changes: Change[], cursor: number): Set<string> => {
    const touched = new Set<string>();
    for (const change of changes) {
      if (change.entity !== 'customer') continue;
      putCustomer(change);
      touched.add(change.customer.id);
    }
    for (const change of changes) {
      if (change.entity === 'purchase') {
        sql.putPurchase.run(change.purchase);
        touched.add(change.purchase.customerId);
      } else if (change.entity === 'ticket') {
        sql.putTicket.run(change.ticket);
        touched.add(change.ticket.customerId);
      } else if (change.entity === 'interaction') {
        sql.putInteraction.run(interactionRow(change.interaction));
        if (change.interaction.customerId !== null) touched.add(change.interaction.customerId);
      }
    }
    sql.setState.run(CURSOR_KEY, String(cursor));
    return touched;
  });

  const settleMutations = db.transaction((results: MutationResult[]) => {
    for (const result of results) {
      if (result.status === 'rejected') sql.reject.run(result.reason ?? 'refused', result.mutationId);
      else sql.acknowledge.run(result.mutationId);
    }
  });

  return {
    applyChanges: (changes: Change[], cursor: number) => applyChanges(changes, cursor),
    syncCursor: () => Number((sql.stateValue.get(CURSOR_KEY) as string | undefined) ?? 0),
    /** None when there is none, or what is kept is unreadable: the agent signs in again, nothing else is lost. */
    savedSession(): SavedSession | null {
      const text = sql.stateValue.get(SESSION_KEY) as string | undefined;
      const saved = text === undefined ? undefined : SavedSessionSchema.safeParse(parseJson(text));
      return saved?.success ? saved.data : null;
    },
    saveSession(session: SavedSession | null): void {
      if (session === null) sql.forgetState.run(SESSION_KEY);
      else sql.setState.run(SESSION_KEY, JSON.stringify(session));
    },
    pendingMutations: (limit: number): OutboxEntry[] =>
      (sql.pending.all(limit) as { mutation_id: string; kind: string; payload: string }[]).map((row) => ({
        mutationId: row.mutation_id,
        kind: row.kind,
        payload: JSON.parse(row.payload) as unknown,
      })),
    settleMutations: (results: MutationResult[]) => settleMutations(results),
    outboxCounts(): Pick<SyncStatus, 'pending' | 'rejected' | 'lastRefusal'> {
      const counts = sql.counts.get() as { pending: number; rejected: number; lastRefusal: string | null };
      return { ...counts, lastRefusal: counts.lastRefusal === null ? null : ReadRefusalSchema.parse(counts.lastRefusal) };
    },
  };
}
export type SyncWrites = ReturnType<typeof createSyncWrites>;
