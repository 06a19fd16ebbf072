/**
 * The store's side of sync: pages pulled from the hub written with the cursor that
 * follows them in one transaction (a desk killed mid-pull resumes exactly where its
 * last page ended), and the outbox read in write order and settled by the hub's answers.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { parseJson } from '../../../shared/json.js';
import { type Change, type MutationResult, ReadRefusalSchema } from '../../../shared/sync.js';
import type { CustomerWrites } from './customer-writes.js';
import type { SavedSession, SyncStore } from './desk-store.js';
import type { HistoryWrites } from './history-writes.js';

const CURSOR_KEY = 'pull_cursor';
const SESSION_KEY = 'hub_session';

const SavedSessionSchema = z.object({ hubUrl: z.string(), username: z.string(), token: z.string() }) satisfies z.ZodType<SavedSession>;

export function createSyncWrites(db: Database, customers: CustomerWrites, history: HistoryWrites): SyncStore {
  const sql = {
    stateValue: db.prepare<[string], string>('SELECT value FROM sync_state WHERE key = ?').pluck(),
    forgetState: db.prepare('DELETE FROM sync_state WHERE key = ?'),
    setState: db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    customerRowid: db.prepare<[string], number>('SELECT rowid FROM customers WHERE id = ?').pluck(),
    pending: db.prepare<[number], { mutation_id: string; kind: string; payload: string }>(
      'SELECT mutation_id, kind, payload FROM outbox WHERE rejected_reason IS NULL ORDER BY rowid LIMIT ?',
    ),
    acknowledge: db.prepare('DELETE FROM outbox WHERE mutation_id = ?'),
    reject: db.prepare('UPDATE outbox SET rejected_reason = ? WHERE mutation_id = ?'),
    counts: db.prepare<[], { pending: number; rejected: number; lastRefusal: string | null }>(`
      SELECT count(*) FILTER (WHERE rejected_reason IS NULL) AS pending, count(rejected_reason) AS rejected,
             (SELECT rejected_reason FROM outbox WHERE rejected_reason IS NOT NULL ORDER BY rowid DESC LIMIT 1) AS lastRefusal
      FROM outbox`),
  };

  /** A new customer is a plain insert: an upsert (ON CONFLICT DO UPDATE … RETURNING) costs four times as much here, and a first sync inserts a million. */
  function putCustomer({ customer, phones }: Extract<Change, { entity: 'customer' }>): void {
    const rowid = sql.customerRowid.get(customer.id);
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
        history.putPurchase(change.purchase);
        touched.add(change.purchase.customerId);
      } else if (change.entity === 'ticket') {
        history.putTicket(change.ticket);
        touched.add(change.ticket.customerId);
      } else if (change.entity === 'interaction') {
        history.putInteraction(change.interaction);
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
    applyChanges: (changes, cursor) => applyChanges(changes, cursor),
    syncCursor: () => Number(sql.stateValue.get(CURSOR_KEY) ?? 0),
    savedSession() {
      const text = sql.stateValue.get(SESSION_KEY);
      const saved = text === undefined ? undefined : SavedSessionSchema.safeParse(parseJson(text));
      return saved?.success ? saved.data : null;
    },
    saveSession(session) {
      if (session === null) sql.forgetState.run(SESSION_KEY);
      else sql.setState.run(SESSION_KEY, JSON.stringify(session));
    },
    pendingMutations: (limit) =>
      sql.pending.all(limit).map((row) => ({ mutationId: row.mutation_id, kind: row.kind, payload: JSON.parse(row.payload) as unknown })),
    settleMutations: (results) => settleMutations(results),
    outboxCounts() {
      const counts = sql.counts.get()!;
      return { ...counts, lastRefusal: counts.lastRefusal === null ? null : ReadRefusalSchema.parse(counts.lastRefusal) };
    },
  };
}
