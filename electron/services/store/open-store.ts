/**
 * The desk store on better-sqlite3: the only code on the desk that writes SQL.
 * WAL so the UI's reads never wait for a write; every user write commits with its
 * outbox row in one transaction, and a replayed mutation id changes nothing.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
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
} from '../../../shared/domain.js';
import type { CustomerUpdate } from '../../../shared/sync.js';
import type { CustomerBatch, DeskStore, PhoneLookup } from './desk-store.js';
import { migrate, StoreVersionError } from './migrations.js';
import { type CustomerRow, interactionRow, toCallLogEntry, toCustomer, toInteraction, toPurchase, toTicket } from './rows.js';
import { toMatchExpression, toPhoneFragment } from './search-text.js';
import { createCustomerWrites } from './customer-writes.js';
import { createSyncWrites } from './sync-writes.js';
import { createDraftWrites } from './draft-writes.js';

/** A card shows the recent past; the rest is one search away. */
const CARD_PURCHASES = 10;
const CARD_TICKETS = 20;
const CARD_INTERACTIONS = 20;
/** More candidates than this for one number is a switchboard, not a caller: the chooser shows the first ones. */
const MAX_HITS = 10;
/**
 * bm25 needs every match scored, which for a one-letter prefix is most of a million
 * customers (~50-150 ms). Type-ahead needs a good first screen, not the global best,
 * so only this many matches are ranked and counted: a query that matches fewer is
 * ranked and counted exactly, and a broad one says "more than" and narrows with the
 * next keystroke.
 */
const SEARCH_WINDOW = 500;

export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

export function openDeskStore(file: string): DeskStore {
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw new StoreOpenError(`${file}: cannot open the desk store (${(err as Error).message})`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // Migrate before switching to WAL, so a file this desk refuses is left exactly as it was.
    migrate(db);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // 64 MiB instead of SQLite's 2 MiB, so the phone indexes of a large store stay in memory and a pop rarely waits on the disk.
    db.pragma('cache_size = -65536');
  } catch (err) {
    db.close();
    if (err instanceof StoreVersionError) throw new StoreOpenError(`${file}: ${err.message}`);
    // Never "repair" by recreating: the file may hold notes not yet pushed to the hub.
    throw new StoreOpenError(`${file}: not a readable Agent Desk store (${(err as Error).message}); it was left untouched`);
  }

  const sql = {
    phonesByE164: db.prepare('SELECT customer_id AS customerId, e164 AS matchedPhone FROM phones WHERE e164 = ? LIMIT ?'),
    phonesByNational: db.prepare('SELECT customer_id AS customerId, e164 AS matchedPhone FROM phones WHERE national_number = ? LIMIT ?'),
    customer: db.prepare('SELECT * FROM customers WHERE id = ?'),
    customerRowid: db.prepare('SELECT rowid FROM customers WHERE id = ?').pluck(),
    phonesOf: db.prepare('SELECT e164, label FROM phones WHERE customer_id = ?'),
    purchasesOf: db.prepare('SELECT * FROM purchases WHERE customer_id = ? ORDER BY purchased_at DESC LIMIT ?'),
    ticketsOf: db.prepare(`
      SELECT * FROM tickets WHERE customer_id = ?
      ORDER BY CASE WHEN status IN ('open', 'pending') THEN 0 ELSE 1 END,
               CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
               opened_at DESC
      LIMIT ?`),
    interactionsOf: db.prepare('SELECT * FROM interactions WHERE customer_id = ? ORDER BY at DESC, rowid DESC LIMIT ?'),
    // One more than the window, to tell "exactly 500" from "more than 500".
    textHits: db.prepare(`
      SELECT rowid FROM (SELECT rowid, rank FROM customers_search WHERE customers_search MATCH ? LIMIT ${SEARCH_WINDOW + 1})
      ORDER BY rank`).pluck(),
    phoneHits: db.prepare(`SELECT rowid FROM phones_search WHERE phones_search MATCH ? LIMIT ${SEARCH_WINDOW + 1}`).pluck(),
    summary: db.prepare(`
      SELECT c.*, (SELECT group_concat(e164, ' ') FROM phones p WHERE p.customer_id = c.id) AS phone_list
      FROM customers c WHERE c.rowid = ?`),
    insertPurchase: db.prepare(`
      INSERT INTO purchases (id, customer_id, order_number, product, quantity, amount_minor, currency, purchased_at)
      VALUES (@id, @customerId, @orderNumber, @product, @quantity, @amountMinor, @currency, @purchasedAt)`),
    insertTicket: db.prepare(`
      INSERT INTO tickets (id, customer_id, subject, status, priority, opened_at, sla_due_at)
      VALUES (@id, @customerId, @subject, @status, @priority, @openedAt, @slaDueAt)`),
    insertInteraction: db.prepare(`
      INSERT INTO interactions (id, customer_id, kind, call_id, phone, disposition, note, follow_up_on, agent, agent_name, at)
      VALUES (@id, @customerId, @kind, @callId, @phone, @disposition, @note, @followUpOn, @agent, @agentName, @at)`),
    interaction: db.prepare('SELECT * FROM interactions WHERE id = ?'),
    outboxEntry: db.prepare('SELECT payload FROM outbox WHERE mutation_id = ?').pluck(),
    insertOutbox: db.prepare('INSERT INTO outbox (mutation_id, kind, payload, created_at) VALUES (?, ?, ?, ?)'),
    insertCall: db.prepare(`
      INSERT OR IGNORE INTO call_log (call_id, outcome, direction, remote_raw, phone, customer_id, customer_name, match, started_at, answered_at, ended_at)
      VALUES (@callId, @outcome, @direction, @remoteRaw, @phone, @customerId, @customerName, @match, @startedAt, @answeredAt, @endedAt)`),
    callLog: db.prepare('SELECT * FROM call_log ORDER BY ended_at DESC, rowid DESC LIMIT ?'),
  };

  const customers = createCustomerWrites(db);
  const { removeSaved: removeSavedDraft, ...drafts } = createDraftWrites(db);

  function getCustomerCard(customerId: string): CustomerCard | undefined {
    const row = sql.customer.get(customerId) as CustomerRow | undefined;
    if (!row) return undefined;
    return {
      customer: toCustomer(row),
      phones: sql.phonesOf.all(customerId) as Phone[],
      purchases: (sql.purchasesOf.all(customerId, CARD_PURCHASES) as Record<string, unknown>[]).map(toPurchase),
      tickets: (sql.ticketsOf.all(customerId, CARD_TICKETS) as Record<string, unknown>[]).map(toTicket),
      interactions: (sql.interactionsOf.all(customerId, CARD_INTERACTIONS) as Record<string, unknown>[]).map(toInteraction),
    };
  }

  const createCustomer = db.transaction((input: NewCustomer, now: Date): CustomerCard => {
    const replayed = sql.outboxEntry.get(input.mutationId) as string | undefined;
    if (replayed !== undefined) return getCustomerCard((JSON.parse(replayed) as { customer: Customer }).customer.id)!;
    const at = now.toISOString();
    const id = randomUUID();
    const customer: Customer = {
      id,
      // Local numbers carry an "L-" prefix so they never collide with the numbers the hub hands out.
      customerNumber: `L-${id.slice(0, 8).toUpperCase()}`,
      firstName: input.firstName,
      lastName: input.lastName,
      company: input.company,
      email: input.email,
      type: input.type,
      industry: null,
      source: 'desk',
      tags: [],
      country: null,
      createdAt: at,
      updatedAt: at,
    };
    customers.insert(customer, input.phones);
    sql.insertOutbox.run(input.mutationId, 'customer.create', JSON.stringify({ customer, phones: input.phones }), at);
    return getCustomerCard(id)!;
  });

  const updateCustomer = db.transaction(({ mutationId, customerId, fields }: CustomerUpdate, now: Date): CustomerCard | undefined => {
    const rowid = sql.customerRowid.get(customerId) as number | undefined;
    if (rowid === undefined) return undefined;
    if (sql.outboxEntry.get(mutationId) === undefined) {
      const at = now.toISOString();
      const customer = toCustomer(sql.customer.get(customerId) as CustomerRow);
      customers.update(rowid, { ...customer, ...fields, updatedAt: at });
      sql.insertOutbox.run(mutationId, 'customer.update', JSON.stringify({ customerId, fields, at }), at);
    }
    return getCustomerCard(customerId);
  });

  const recordAnnotation = db.transaction((annotation: Annotation, agent: { id: string; name: string }, now: Date): Interaction => {
    // The mutation id is the interaction's id: a replayed save finds the row it wrote the first time.
    const existing = sql.interaction.get(annotation.mutationId) as Record<string, unknown> | undefined;
    if (existing) return toInteraction(existing);
    const interaction: Interaction = {
      id: annotation.mutationId,
      customerId: annotation.customerId,
      kind: annotation.callId === null ? 'note' : 'call',
      callId: annotation.callId,
      phone: annotation.phone,
      disposition: annotation.disposition,
      note: annotation.note,
      followUpOn: annotation.followUpOn,
      agent: agent.id,
      agentName: agent.name,
      at: now.toISOString(),
    };
    sql.insertInteraction.run(interaction);
    sql.insertOutbox.run(annotation.mutationId, 'interaction.create', JSON.stringify(interaction), interaction.at);
    removeSavedDraft(annotation.mutationId);
    return interaction;
  });

  const insertBatch = db.transaction((batch: CustomerBatch) => {
    for (const { customer, phones } of batch.customers) customers.insert(customer, phones);
    for (const purchase of batch.purchases) sql.insertPurchase.run(purchase);
    for (const ticket of batch.tickets) sql.insertTicket.run(ticket);
    for (const interaction of batch.interactions) sql.insertInteraction.run(interactionRow(interaction));
  });

  function summaryOf(rowid: number): CustomerSummary {
    const row = sql.summary.get(rowid) as CustomerRow & { phone_list: string | null };
    const { id, customerNumber, firstName, lastName, company, email } = toCustomer(row);
    return { id, customerNumber, firstName, lastName, company, email, phones: row.phone_list ? (row.phone_list.split(' ') as E164[]) : [] };
  }

  const sampler = createPhoneSampler(db);
  const countOf = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  return {
    ...createSyncWrites(db, customers),
    ...drafts,
    lookupPhone({ e164, nationalNumber }): PhoneLookup {
      if (e164 !== null) {
        const hits = sql.phonesByE164.all(e164, MAX_HITS) as PhoneLookup['hits'];
        if (hits.length > 0) return { match: 'exact', hits };
      }
      if (nationalNumber !== null) {
        const hits = sql.phonesByNational.all(nationalNumber, MAX_HITS) as PhoneLookup['hits'];
        if (hits.length > 0) return { match: 'probable', hits };
      }
      return { match: 'none', hits: [] };
    },
    getCustomerCard,
    searchCustomers(query, limit): CustomerSearchResult {
      const text = toMatchExpression(query);
      const fragment = toPhoneFragment(query);
      // A number typed is most likely the caller's: phone matches come first, then names by rank.
      const lists = [fragment === null ? [] : sql.phoneHits.all(fragment), text === null ? [] : sql.textHits.all(text)] as number[][];
      const capped = lists.some((list) => list.length > SEARCH_WINDOW);
      const rowids = [...new Set(lists.flatMap((list) => list.slice(0, SEARCH_WINDOW)))];
      return { customers: rowids.slice(0, limit).map(summaryOf), matched: rowids.length, capped };
    },
    createCustomer: (input, now) => createCustomer(input, now),
    updateCustomer: (update, now) => updateCustomer(update, now),
    recordAnnotation: (annotation, agent, now) => recordAnnotation(annotation, agent, now),
    recordCall(entry) {
      sql.insertCall.run(entry);
    },
    listCallLog(limit) {
      return (sql.callLog.all(limit) as Record<string, unknown>[]).map(toCallLogEntry);
    },
    insertBatch: (batch) => insertBatch(batch),
    countCustomers: () => countOf('customers'),
    samplePhones: (kind, count) => sampler(kind, count),
    health() {
      return {
        integrity: db.pragma('quick_check', { simple: true }) as string,
        customers: countOf('customers'),
        phones: countOf('phones'),
        purchases: countOf('purchases'),
        tickets: countOf('tickets'),
        interactions: countOf('interactions'),
        outbox: countOf('outbox'),
        schemaVersion: db.pragma('user_version', { simple: true }) as number,
      };
    },
    close() {
      db.close();
    },
  };
}

/**
 * Random phones without sorting millions of rows: probe random customer rowids and keep
 * the numbers whose owner count is what was asked for. Bounded, so a store with no
 * shared numbers answers with fewer (or none) instead of searching forever.
 */
function createPhoneSampler(db: Database.Database) {
  const maxRowid = db.prepare('SELECT max(rowid) FROM customers').pluck();
  const phonesFrom = db.prepare(
    'SELECT p.e164 FROM phones p WHERE p.customer_id = (SELECT id FROM customers WHERE rowid >= ? ORDER BY rowid LIMIT 1)',
  ).pluck();
  const owners = db.prepare('SELECT count(*) FROM phones WHERE e164 = ?').pluck();
  return (kind: 'single' | 'shared', count: number): E164[] => {
    const top = (maxRowid.get() as number | null) ?? 0;
    const found = new Set<E164>();
    for (let probe = 0; probe < count * 200 && found.size < count && top > 0; probe++) {
      for (const e164 of phonesFrom.all(1 + Math.floor(Math.random() * top)) as E164[]) {
        const shared = (owners.get(e164) as number) > 1;
        if (shared === (kind === 'shared')) found.add(e164);
      }
    }
    return [...found].slice(0, count);
  };
}
