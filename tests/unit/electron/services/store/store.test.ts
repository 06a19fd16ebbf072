import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { MIGRATIONS } from '../../../../../electron/services/store/migrations.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import type { Customer } from '../../../../../shared/domain.js';
import { type FixtureStore, openFixtureStore } from '../../../../support/fixture-desk.js';
import { deskCustomers, testCustomer } from '../../../../fixtures/desk-customers.js';

let fixture: FixtureStore;
let file: string;
let store: DeskStore;
const now = new Date('2026-11-24T10:00:00Z');
const AGENT = { id: 'agent-1', name: 'Agent One' };

const person = (id: string, firstName: string, lastName: string, extra: Partial<Customer> = {}) => ({
  customer: testCustomer(id, firstName, lastName, { country: 'PL', ...extra }),
  phones: [],
});

beforeEach(() => ({ store, file } = fixture = openFixtureStore('desk-store-')));
afterEach(() => {
  store.close();
  fixture.remove();
});

describe('phone lookup', () => {
  it('finds an exact E.164 match', () => {
    expect(store.lookupPhone({ e164: '+359888123456', nationalNumber: '888123456' })).toEqual({
      match: 'exact',
      hits: [{ customerId: '1001', matchedPhone: '+359888123456' }],
    });
  });

  it('falls back to the national significant number and says the match is only probable', () => {
    // A Polish customer's number arriving without its country code, read as a Bulgarian one.
    expect(store.lookupPhone({ e164: '+359600123456', nationalNumber: '600123456' })).toEqual({
      match: 'probable',
      hits: [{ customerId: '1002', matchedPhone: '+48600123456' }],
    });
    expect(store.lookupPhone({ e164: null, nationalNumber: '600123456' }).match).toBe('probable');
  });

  it('prefers the exact match over any national-number namesake', () => {
    store.insertBatch({ customers: [{ ...person('2001', 'Jan', 'Nowak'), phones: [{ e164: '+48888123456', label: 'mobile' }] }], purchases: [], tickets: [], interactions: [] });
    expect(store.lookupPhone({ e164: '+359888123456', nationalNumber: '888123456' }).hits).toEqual([{ customerId: '1001', matchedPhone: '+359888123456' }]);
  });

  it('returns every owner of a shared number, and nobody for an unknown one', () => {
    expect(store.lookupPhone({ e164: '+35921234567', nationalNumber: '21234567' }).hits.map((h) => h.customerId).sort()).toEqual(['1003', '1004']);
    expect(store.lookupPhone({ e164: '+359899999999', nationalNumber: '899999999' })).toEqual({ match: 'none', hits: [] });
  });
});

describe('customer card', () => {
  it('puts open tickets first by priority and the newest purchases and interactions first', () => {
    store.insertBatch({
      customers: [],
      purchases: [{ id: 'p2', customerId: '1001', orderNumber: 'SO-2', product: 'Mesh kit', quantity: 1, amountMinor: 19_900, currency: 'EUR', purchasedAt: '2026-05-01T10:00:00.000Z' }],
      tickets: [
        { id: 't2', customerId: '1001', subject: 'Closed long ago', status: 'closed', priority: 'urgent', openedAt: '2026-05-01T08:00:00.000Z', slaDueAt: null },
        { id: 't3', customerId: '1001', subject: 'Billing question', status: 'pending', priority: 'urgent', openedAt: '2026-03-01T08:00:00.000Z', slaDueAt: null },
        { id: 't4', customerId: '1001', subject: 'Low thing', status: 'open', priority: 'low', openedAt: '2026-06-01T08:00:00.000Z', slaDueAt: null },
      ],
      interactions: [],
    });
    const card = store.getCustomerCard('1001')!;
    expect(card.customer.lastName).toBe('Иванов');
    expect(card.phones).toEqual([{ e164: '+359888123456', label: 'mobile' }]);
    expect(card.purchases.map((p) => p.orderNumber)).toEqual(['SO-2', 'SO-1']);
    expect(card.tickets.map((t) => t.id)).toEqual(['t3', 't1', 't4', 't2']);
    expect(store.getCustomerCard('nobody')).toBeUndefined();
  });
});

describe('full-text search', () => {
  beforeEach(() => {
    store.insertBatch({
      customers: [
        person('3001', 'Łukasz', 'Wałęsa', { email: 'lukasz.walesa@poczta.example.pl' }),
        person('3002', 'Zofia', 'Żółkiewska', { company: 'Gdańsk Trade Sp. z o.o.', type: 'business' }),
        person('3003', 'Олена', 'Шевченко', { country: 'UA' }),
      ],
      purchases: [], tickets: [], interactions: [],
    });
  });
  const ids = (query: string) => store.searchCustomers(query, 10).customers.map((c) => c.id);

  it('matches Cyrillic names whatever the case, and as you type', () => {
    expect(ids('иванов')).toEqual(['1001']);
    expect(ids('ИВАН')).toEqual(['1001']);
    expect(ids('шевч')).toEqual(['3003']);
    expect(ids('олена шевченко')).toEqual(['3003']);
  });

  it('matches Polish names with or without their diacritics, ł included', () => {
    expect(ids('kowalska')).toEqual(['1002']);
    expect(ids('lukasz')).toEqual(['3001']);
    expect(ids('Łukasz')).toEqual(['3001']);
    expect(ids('walesa')).toEqual(['3001']);
    expect(ids('wałęsa')).toEqual(['3001']);
    expect(ids('zolkiewska')).toEqual(['3002']);
    expect(ids('gdansk')).toEqual(['3002']);
  });

  it('finds by email, company and customer number, and lists phones', () => {
    expect(ids('lukasz.walesa@poczta')).toEqual(['3001']);
    expect(ids('acme').sort()).toEqual(['1003', '1004']);
    expect(ids('C-1002')).toEqual(['1002']);
    expect(store.searchCustomers('иванов', 5).customers[0]!.phones).toEqual(['+359888123456']);
  });

  it('takes search syntax in the query as plain text', () => {
    for (const hostile of ['"', '*', '-foo', 'a:b', ')', 'NEAR(', 'иванов OR', '^', "O'Brien", '']) {
      expect(() => store.searchCustomers(hostile, 10)).not.toThrow();
    }
    expect(ids('"иванов"')).toEqual(['1001']);
  });

  it('takes a NUL or another control character in the query as a break between words', () => {
    expect(ids('x\u0000y')).toEqual([]);
    expect(ids('иванов\u0000')).toEqual(['1001']);
    expect(ids('иван\u001bов')).toEqual([]);
    expect(ids('олена\u0007шевченко')).toEqual(['3003']);
  });
});

describe('writes', () => {
  const annotation = () => ({
    mutationId: randomUUID(), callId: 'call-1', customerId: '1001', phone: '+359888123456',
    note: 'Wants a replacement router', disposition: 'callback', followUpOn: '2026-12-01',
  });

  it('saves an annotation with its outbox row once, however often it is replayed', () => {
    const a = annotation();
    const first = store.recordAnnotation(a, AGENT, now);
    const again = store.recordAnnotation(a, AGENT, new Date('2026-11-24T11:00:00Z'));
    expect(again).toEqual(first);
    expect(first).toMatchObject({ id: a.mutationId, kind: 'call', note: 'Wants a replacement router', agent: 'agent-1', at: now.toISOString() });
    expect(store.health()).toMatchObject({ interactions: 1, outbox: 1 });
    expect(store.getCustomerCard('1001')!.interactions.map((i) => i.note)).toEqual(['Wants a replacement router']);
  });

  it('rolls the annotation back when its outbox row cannot be written', () => {
    const a = annotation();
    store.createCustomer({ mutationId: a.mutationId, firstName: 'Clash', lastName: '', company: null, email: null, type: 'person', phones: [] }, now);
    expect(() => store.recordAnnotation(a, AGENT, now)).toThrow();
    expect(store.getCustomerCard('1001')!.interactions).toEqual([]);
    expect(store.health().outbox).toBe(1);
  });

  it('creates a customer once per mutation id, searchable and found by phone', () => {
    const input = { mutationId: randomUUID(), firstName: 'Нов', lastName: 'Клиент', company: null, email: null, type: 'person' as const, phones: [{ e164: '+359877000111', label: 'mobile' as const }] };
    const card = store.createCustomer(input, now);
    expect(store.createCustomer(input, now)).toEqual(card);
    expect(card.customer.customerNumber).toMatch(/^L-/);
    expect(store.lookupPhone({ e164: '+359877000111', nationalNumber: '877000111' }).hits).toEqual([{ customerId: card.customer.id, matchedPhone: '+359877000111' }]);
    expect(store.searchCustomers('клиент', 5).customers.map((c) => c.id)).toEqual([card.customer.id]);
    expect(store.health()).toMatchObject({ customers: 5, outbox: 1 });
  });

  it('edits only the fields named, once per mutation id, and the search follows the new name', () => {
    const update = { mutationId: randomUUID(), customerId: '1001', fields: { lastName: 'Петров', email: 'ivan@petrov.bg' } };
    const card = store.updateCustomer(update, now)!;
    expect(card.customer).toMatchObject({ firstName: 'Иван', lastName: 'Петров', email: 'ivan@petrov.bg', updatedAt: now.toISOString() });
    expect(card.phones.length).toBeGreaterThan(0);
    expect(store.updateCustomer({ ...update, fields: { lastName: 'Replayed' } }, now)!.customer.lastName).toBe('Петров');
    expect(store.searchCustomers('петров', 5).customers.map((c) => c.id)).toEqual(['1001']);
    expect(store.searchCustomers('иванов', 5).customers.map((c) => c.id)).not.toContain('1001');
    expect(store.pendingMutations(10)).toEqual([
      { mutationId: update.mutationId, kind: 'customer.update', payload: { customerId: '1001', fields: update.fields, at: now.toISOString() } },
    ]);
    expect(store.updateCustomer({ mutationId: randomUUID(), customerId: 'nobody', fields: { lastName: 'X' } }, now)).toBeUndefined();
    expect(store.health().outbox).toBe(1);
  });

  it('keeps a hub session across a reopen, and forgets one it cannot read without losing anything else', () => {
    const session = { hubUrl: 'https://hub.example.internal:4790', username: 'alice', token: 'a-token' };
    store.saveSession(session);
    store.close();
    store = openDeskStore(file);
    expect(store.savedSession()).toEqual(session);
    store.close();
    const raw = new Database(file);
    raw.prepare("UPDATE sync_state SET value = '{not json' WHERE key = 'hub_session'").run();
    raw.close();
    store = openDeskStore(file);
    expect(store.savedSession()).toBeNull();
    expect(store.health().customers).toBe(deskCustomers.customers.length);
  });

  it('keeps one call-log row per call, newest first', () => {
    const entry = { callId: 'c1', outcome: 'missed' as const, direction: 'inbound' as const, remoteRaw: '0888123456', phone: '+359888123456', customerId: '1001', customerName: 'Иван Иванов', match: 'exact' as const, startedAt: '2026-11-24T09:00:00.000Z', answeredAt: null, endedAt: '2026-11-24T09:00:20.000Z' };
    store.recordCall(entry);
    store.recordCall({ ...entry, outcome: 'ended' });
    store.recordCall({ ...entry, callId: 'c2', endedAt: '2026-11-24T09:30:00.000Z' });
    expect(store.listCallLog(10).map((e) => [e.callId, e.outcome])).toEqual([['c2', 'missed'], ['c1', 'missed']]);
  });

  it('keeps everything across a close and a reopen, and reports its health', () => {
    store.recordAnnotation(annotation(), AGENT, now);
    store.close();
    store = openDeskStore(file);
    expect(store.getCustomerCard('1001')!.interactions).toHaveLength(1);
    expect(store.health()).toEqual({ integrity: 'ok', customers: 4, phones: 4, purchases: 1, tickets: 1, interactions: 1, outbox: 1, schemaVersion: MIGRATIONS.length });
  });
});

describe('refused outbox entries', () => {
  it('says why the latest was refused, and a reason stored before codes as one it cannot name', () => {
    const first = store.recordAnnotation({ mutationId: randomUUID(), callId: null, customerId: '1001', phone: null, note: 'a', disposition: 'sale', followUpOn: null }, AGENT, now);
    const second = store.recordAnnotation({ mutationId: randomUUID(), callId: null, customerId: '1001', phone: null, note: 'b', disposition: 'sale', followUpOn: null }, AGENT, now);
    store.settleMutations([{ mutationId: first.id, status: 'rejected', reason: 'customer_unknown' }]);
    expect(store.outboxCounts()).toEqual({ pending: 1, rejected: 1, lastRefusal: 'customer_unknown' });
    store.close();
    const db = new Database(file);
    db.prepare('UPDATE outbox SET rejected_reason = ? WHERE mutation_id = ?').run('written as agent "bob", but this session is agent "alice"', second.id);
    db.close();
    store = openDeskStore(file);
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 2, lastRefusal: 'refused' });
  });
});
