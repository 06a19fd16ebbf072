/**
 * A desk with a hub that finds its store damaged at start: the file is set aside, the
 * new store fills from the hub, and the desk's state says the customers are coming back.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import type { PopCard } from '../../../../../shared/call.js';
import { deskCustomers } from '../../../../fixtures/desk-customers.js';
import { damagePages } from '../../../../support/damaged-store.js';
import { startSyncedDesk, type SyncedDesk } from '../../../../support/synced-desk.js';
import { startHubOnOwnPostgres, type TestHub } from '../../../../support/test-hub.js';

let hub: TestHub;
let desk: SyncedDesk;
let dataDir: string;

beforeAll(async () => {
  hub = await startHubOnOwnPostgres();
  dataDir = mkdtempSync(join(tmpdir(), 'desk-resync-'));
  const store = openDeskStore(join(dataDir, 'desk.sqlite'));
  store.insertBatch(deskCustomers);
  store.close();
  damagePages(join(dataDir, 'desk.sqlite'), 4);
  desk = await startSyncedDesk(hub.url, 'alice', dataDir);
});

afterAll(async () => {
  await desk?.close();
  await hub?.close();
});

describe('a damaged store on a desk with a hub', () => {
  it('is set aside, and the desk says the hub refills the new store', async () => {
    const [aside] = readdirSync(dataDir).filter((name) => name.startsWith('desk.sqlite.damaged-'));
    expect((await desk.desk.handlers.getDeskState({})).storeSetAside).toEqual({ file: join(dataDir, aside!), resync: true });
  });

  it('pops the hub’s customer from the new store once it has synced', () => {
    desk.desk.onCallEvent({ callId: 'after-resync', state: 'ringing', direction: 'inbound', remote: '0888 123 456' }, 'test');
    const card = desk.events.findLast((e): e is { name: 'pop'; payload: PopCard } => e.name === 'pop')!.payload;
    expect(card.match).toBe('exact');
    // The hub's own ticket, not the one the damaged file held.
    expect(card.candidates.map((c) => c.tickets.map((t) => t.subject))).toEqual([['Router drops Wi-Fi every evening']]);
  });
});
