import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger } from '../../../../../electron/services/log.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { createSyncClient, type SyncClient } from '../../../../../electron/services/sync/sync-client.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PopCard } from '../../../../../shared/call.js';
import { startSyncedDesk, type SyncedDesk } from '../../../../support/synced-desk.js';
import { PASSWORD, startHubOnOwnPostgres, type TestHub } from '../../../../support/test-hub.js';

let hub: TestHub;
let deskA: SyncedDesk;
let deskB: SyncedDesk;

beforeAll(async () => {
  hub = await startHubOnOwnPostgres();
  [deskA, deskB] = await Promise.all([startSyncedDesk(hub.url, 'alice'), startSyncedDesk(hub.url, 'bob')]);
});

afterAll(async () => {
  await Promise.all([deskA?.close(), deskB?.close()]);
  await hub?.close();
});

const ring = (desk: SyncedDesk, remote: string) => {
  const callId = randomUUID();
  desk.desk.onCallEvent({ callId, state: 'ringing', direction: 'inbound', remote }, 'test');
  return callId;
};

const latestCard = (desk: SyncedDesk, callId: string): PopCard | undefined =>
  desk.events.findLast((e): e is { name: 'pop'; payload: PopCard } => e.name === 'pop' && e.payload.callId === callId)?.payload;

describe('two desks and a hub', () => {
  it('brings the hub’s customers with their purchases and tickets to a new desk', async () => {
    const card = latestCard(deskB, ring(deskB, '0888 123 456'))!;
    expect(card.match).toBe('exact');
    expect(card.candidates).toHaveLength(1);
    const ivan = card.candidates[0]!;
    expect(ivan.customer).toMatchObject({ firstName: 'Иван', lastName: 'Иванов', customerNumber: 'C-1001' });
    expect(ivan.purchases.map((p) => [p.orderNumber, p.amountMinor])).toEqual([['SO-1', 12_900]]);
    expect(ivan.tickets.map((t) => t.subject)).toEqual(['Router drops Wi-Fi every evening']);
  });

  it('puts a note written on desk A on desk B’s open card for the same caller', async () => {
    const callOnB = ring(deskB, '+359888123456');
    const ivanId = latestCard(deskB, callOnB)!.candidates[0]!.customer.id;
    const saved = await deskA.desk.handlers.saveAnnotation({
      mutationId: randomUUID(), callId: null, customerId: ivanId, phone: '+359888123456',
      note: 'Promised a technician on Friday', disposition: 'callback', followUpOn: '2026-11-27',
    });
    await expect
      .poll(() => latestCard(deskB, callOnB)?.candidates[0]?.interactions.find((i) => i.id === saved.id), { timeout: 5_000 })
      .toMatchObject({ note: 'Promised a technician on Friday', agent: 'alice', followUpOn: '2026-11-27' });
    expect((await deskA.sync()).pending).toBe(0);
  });

  it('sends a customer created on desk A to desk B, which then pops them', async () => {
    await deskA.desk.handlers.createCustomer({
      mutationId: randomUUID(), firstName: 'Olena', lastName: 'Shevchenko', company: null, email: null, type: 'person',
      phones: [{ e164: '+380501234567', label: 'mobile' }],
    });
    await expect.poll(async () => (await deskB.desk.handlers.searchCustomers({ query: 'shevchenko', limit: 5 })).customers, { timeout: 5_000 }).toHaveLength(1);
    const card = latestCard(deskB, ring(deskB, '+380 50 123 4567'))!;
    expect(card.candidates[0]!.customer).toMatchObject({ firstName: 'Olena', source: 'desk' });
  });

  it('merges edits of different fields from two desks, and takes the later edit of the same field', async () => {
    const [hit] = (await deskA.desk.handlers.searchCustomers({ query: 'C-1001', limit: 1 })).customers;
    const customerId = hit!.id;
    await deskA.desk.handlers.updateCustomer({ mutationId: randomUUID(), customerId, fields: { email: 'ivan@work.bg', company: 'Ivanov Ltd' } });
    await expect.poll(async () => (await deskA.sync()).pending, { timeout: 5_000 }).toBe(0);
    await deskB.desk.handlers.updateCustomer({ mutationId: randomUUID(), customerId, fields: { company: 'Ivanov & Sons' } });
    for (const desk of [deskA, deskB]) {
      await expect
        .poll(async () => (await desk.desk.handlers.getCustomerCard({ customerId })).customer, { timeout: 5_000 })
        .toMatchObject({ email: 'ivan@work.bg', company: 'Ivanov & Sons' });
    }
  });

  it('pushes a note about a call with no customer, under the agent who wrote it', async () => {
    const mutationId = randomUUID();
    await deskA.desk.handlers.saveAnnotation({
      mutationId, callId: 'unknown-caller-1', customerId: null, phone: null, note: 'wrong number, hung up', disposition: 'wrong_number', followUpOn: null,
    });
    await expect.poll(async () => (await hub.db.query('SELECT agent, kind FROM interactions WHERE id = $1', [mutationId])).rows, { timeout: 5_000 })
      .toEqual([{ agent: 'alice', kind: 'call' }]);
    await expect.poll(async () => (await deskA.sync()).pending).toBe(0);
  });
});

describe('signing a desk in', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-sign-in-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A sync client on this test's store file, as a desk starting (again) would make it. */
  async function withClient<T>(options: { username?: string; password: string | null }, use: (client: SyncClient, store: DeskStore) => Promise<T>) {
    const store = openDeskStore(join(dir, 'desk.sqlite'));
    const client = createSyncClient({
      url: hub.url, username: options.username ?? 'alice', password: options.password, historyDays: 30, store, log: silentLogger,
      onStatus: () => undefined, onChanged: () => undefined,
    });
    try {
      return await use(client, store);
    } finally {
      await client.stop();
      store.close();
    }
  }

  it('waits for the agent, offline, when no password is set, and says so', async () => {
    const status = await withClient({ password: null }, (client) => client.syncNow());
    expect(status).toMatchObject({ state: 'signed_out', lastError: 'agent "alice" is not signed in to the hub', offlineSince: expect.any(String) });
  });

  it('waits for the agent when the hub refuses the password in the settings, with the hub’s reason', async () => {
    const { status, customers } = await withClient({ password: 'not alice’s password' }, async (client, store) => ({ status: await client.syncNow(), customers: store.countCustomers() }));
    expect(status).toMatchObject({ state: 'signed_out', lastError: 'hub answered 401: wrong username or password' });
    expect(customers).toBe(0);
  });

  it('refuses a wrong password typed at the desk, signs in with the right one, and keeps the session, not the password, across a restart', async () => {
    await withClient({ password: null }, async (client, store) => {
      await expect(client.signIn('guess')).rejects.toMatchObject({ message: 'hub answered 401: wrong username or password', why: 'wrong_password' });
      expect(store.savedSession()).toBeNull();
      expect(await client.signIn(PASSWORD)).toMatchObject({ state: 'online' });
      expect(store.countCustomers()).toBeGreaterThan(0);
      expect(JSON.stringify(store.savedSession())).not.toContain(PASSWORD);
    });
    expect(await withClient({ password: null }, (client) => client.syncNow())).toMatchObject({ state: 'online' });
    // The session is alice's: the same store under another agent must sign in again.
    expect(await withClient({ username: 'bob', password: null }, (client) => client.syncNow())).toMatchObject({ state: 'signed_out' });
  });

  it('counts a note stamped by a desk clock two days fast as rejected, with the hub’s reason kept beside it', async () => {
    const status = await withClient({ password: PASSWORD }, async (client, store) => {
      const fast = new Date(Date.now() + 48 * 3_600_000);
      store.recordAnnotation({ mutationId: randomUUID(), callId: null, customerId: null, phone: '+359888123456', note: 'from the future', disposition: 'callback', followUpOn: null }, { id: 'alice', name: 'Alice' }, fast);
      return client.syncNow();
    });
    expect(status).toMatchObject({ state: 'online', pending: 0, rejected: 1 });
    const file = new Database(join(dir, 'desk.sqlite'), { readonly: true });
    expect(file.prepare('SELECT rejected_reason FROM outbox').pluck().all()).toEqual(['clock_skew']);
    file.close();
  });

  it('asks the agent again once the hub no longer knows the saved session', async () => {
    await withClient({ password: PASSWORD }, (client) => client.syncNow());
    await hub.db.query('DELETE FROM sessions');
    await withClient({ password: null }, async (client, store) => {
      expect(await client.syncNow()).toMatchObject({ state: 'signed_out' });
      expect(store.savedSession()).toBeNull();
    });
  });
});
