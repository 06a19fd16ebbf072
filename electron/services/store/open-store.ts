/**
 * The desk store on better-sqlite3: the only code on the desk that writes SQL.
 * WAL so the UI's reads never wait for a write; every user write commits with its
 * outbox row in one transaction, and a replayed mutation id changes nothing.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { CallLogEntry } from '../../../shared/call.js';
import type { Annotation, Customer, CustomerCard, CustomerSummary, Interaction, NewCustomer, Phone, Purchase, Ticket } from '../../../shared/domain.js';
import type { CustomerUpdate } from '../../../shared/sync.js';
import type { CustomerBatch, DeskStore, PhoneLookup } from './desk-store.js';
import { migrate, StoreVersionError } from './migrations.js';
import { READ_QUERIES, SEARCH_WINDOW } from './read-queries.js';
import { toMatchExpression, toPhoneFragment } from './search-text.js';
import type { StoredRow } from './sql-columns.js';
import { CALL_LOG, CUSTOMERS, INTERACTIONS, PHONES, PURCHASES, TICKETS } from './tables.js';
import { createCustomerWrites } from './customer-writes.js';
import { createHistoryWrites } from './history-writes.js';
import { createSyncWrites } from './sync-writes.js';
import { createDraftWrites } from './draft-writes.js';

/** A card shows the recent past; the rest is one search away. */
const CARD_PURCHASES = 10;
const CARD_TICKETS = 20;
const CARD_INTERACTIONS = 20;
/** More candidates than this for one number is a switchboard, not a caller: the chooser shows the first ones. */
const MAX_HITS = 10;

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

  const q = READ_QUERIES;
  const sql = {
    phonesByE164: db.prepare<[string, number], PhoneLookup['hits'][number]>(q.phonesByE164),
    phonesByNational: db.prepare<[string, number], PhoneLookup['hits'][number]>(q.phonesByNational),
    customer: db.prepare<[string], StoredRow<Customer>>(q.customer),
    customerRowid: db.prepare<[string], number>(q.customerRowid).pluck(),
    phonesOf: db.prepare<[string], StoredRow<Phone>>(q.phonesOf),
    purchasesOf: db.prepare<[string, number], StoredRow<Purchase>>(q.purchasesOf),
    ticketsOf: db.prepare<[string, number], StoredRow<Ticket>>(q.ticketsOf),
    interactionsOf: db.prepare<[string, number], StoredRow<Interaction>>(q.interactionsOf),
    interaction: db.prepare<[string], StoredRow<Interaction>>(q.interaction),
    textHits: db.prepare<[string], number>(q.textHits).pluck(),
    phoneHits: db.prepare<[string], number>(q.phoneHits).pluck(),
    summary: db.prepare<[number], StoredRow<Customer> & { phoneList: string | null }>(q.summary),
    lastRowid: db.prepare<[], number | null>(q.lastRowid).pluck(),
    rowidFrom: db.prepare<[number], number>(q.rowidFrom).pluck(),
    outboxEntry: db.prepare<[string], string>('SELECT payload FROM outbox WHERE mutation_id = ?').pluck(),
    insertOutbox: db.prepare('INSERT INTO outbox (mutation_id, kind, payload, created_at) VALUES (?, ?, ?, ?)'),
    insertCall: db.prepare(CALL_LOG.insertOrIgnore),
    callLog: db.prepare<[number], StoredRow<CallLogEntry>>(q.callLog),
  };

  const customers = createCustomerWrites(db);
  const history = createHistoryWrites(db);
  const { removeSaved: removeSavedDraft, ...drafts } = createDraftWrites(db);

  function getCustomerCard(customerId: string): CustomerCard | undefined {
    const row = sql.customer.get(customerId);
    if (!row) return undefined;
    return {
      customer: CUSTOMERS.read(row),
      phones: sql.phonesOf.all(customerId).map(PHONES.read),
      purchases: sql.purchasesOf.all(customerId, CARD_PURCHASES).map(PURCHASES.read),
      tickets: sql.ticketsOf.all(customerId, CARD_TICKETS).map(TICKETS.read),
      interactions: sql.interactionsOf.all(customerId, CARD_INTERACTIONS).map(INTERACTIONS.read),
    };
  }

  const createCustomer = db.transaction((input: NewCustomer, now: Date): CustomerCard => {
    const replayed = sql.outboxEntry.get(input.mutationId);
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
    const rowid = sql.customerRowid.get(customerId);
    if (rowid === undefined) return undefined;
    if (sql.outboxEntry.get(mutationId) === undefined) {
      const at = now.toISOString();
      const customer = CUSTOMERS.read(sql.customer.get(customerId)!);
      customers.update(rowid, { ...customer, ...fields, updatedAt: at });
      sql.insertOutbox.run(mutationId, 'customer.update', JSON.stringify({ customerId, fields, at }), at);
    }
    return getCustomerCard(customerId);
  });

  const recordAnnotation = db.transaction((annotation: Annotation, agent: { id: string; name: string }, now: Date): Interaction => {
    // The mutation id is the interaction's id: a replayed save finds the row it wrote the first time.
    const existing = sql.interaction.get(annotation.mutationId);
    if (existing) return INTERACTIONS.read(existing);
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
    history.putInteraction(interaction);
    sql.insertOutbox.run(annotation.mutationId, 'interaction.create', JSON.stringify(interaction), interaction.at);
    removeSavedDraft(annotation.mutationId);
    return interaction;
  });

  const insertBatch = db.transaction((batch: CustomerBatch) => {
    for (const { customer, phones } of batch.customers) customers.insert(customer, phones);
    for (const purchase of batch.purchases) history.putPurchase(purchase);
    for (const ticket of batch.tickets) history.putTicket(ticket);
    for (const interaction of batch.interactions) history.putInteraction(interaction);
  });

  function summaryOf(rowid: number): CustomerSummary {
    const row = sql.summary.get(rowid)!;
    const { id, customerNumber, firstName, lastName, company, email } = CUSTOMERS.read(row);
    return { id, customerNumber, firstName, lastName, company, email, phones: row.phoneList ? row.phoneList.split(' ') : [] };
  }

  const countOf = (table: string) => db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get()!;

  return {
    ...createSyncWrites(db, customers, history),
    ...drafts,
    lookupPhone({ e164, nationalNumber }) {
      if (e164 !== null) {
        const hits = sql.phonesByE164.all(e164, MAX_HITS);
        if (hits.length > 0) return { match: 'exact', hits };
      }
      if (nationalNumber !== null) {
        const hits = sql.phonesByNational.all(nationalNumber, MAX_HITS);
        if (hits.length > 0) return { match: 'probable', hits };
      }
      return { match: 'none', hits: [] };
    },
    getCustomerCard,
    searchCustomers(query, limit) {
      const text = toMatchExpression(query);
      const fragment = toPhoneFragment(query);
      // A number typed is most likely the caller's: phone matches come first, then names by rank.
      const lists = [fragment === null ? [] : sql.phoneHits.all(fragment), text === null ? [] : sql.textHits.all(text)];
      const capped = lists.some((list) => list.length > SEARCH_WINDOW);
      const rowids = [...new Set(lists.flatMap((list) => list.slice(0, SEARCH_WINDOW)))];
      return { customers: rowids.slice(0, limit).map(summaryOf), matched: rowids.length, capped };
    },
    createCustomer: (input, now) => createCustomer(input, now),
    updateCustomer: (update, now) => updateCustomer(update, now),
    recordAnnotation: (annotation, agent, now) => recordAnnotation(annotation, agent, now),
    recordCall(entry) {
      sql.insertCall.run(CALL_LOG.params(entry));
    },
    listCallLog: (limit) => sql.callLog.all(limit).map(CALL_LOG.read),
    insertBatch: (batch) => insertBatch(batch),
    countCustomers: () => countOf('customers'),
    customerAt(fraction) {
      const rowid = sql.rowidFrom.get(1 + Math.floor(fraction * (sql.lastRowid.get() ?? 0)));
      return rowid === undefined ? undefined : summaryOf(rowid);
    },
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

