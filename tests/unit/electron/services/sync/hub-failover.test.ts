import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../electron/services/log.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { createSyncClient } from '../../../../../electron/services/sync/sync-client.js';
import { importFeed } from '../../../../../server/import/import-feed.js';
import type { SyncStatus } from '../../../../../shared/sync.js';
import { type HubOnPostgres, startHubOnPostgres } from '../../../../support/hub-on-postgres.js';
import { startSyncedDesk } from '../../../../support/synced-desk.js';
import { openTestHubDb, PASSWORD } from '../../../../support/test-hub.js';
import { until } from '../../../../support/until.js';

let setup: HubOnPostgres;
let db: pg.Pool;

beforeAll(async () => {
  setup = await startHubOnPostgres('hub-failover-');
  db = new pg.Pool({ connectionString: setup.databaseUrl, max: 2 });
});

afterAll(async () => {
  await db?.end();
  await setup?.close();
});

describe('the hub killed with SIGKILL', () => {
  it('loses none of 1,200 notes pushed across the kill, and doubles none', async () => {
    const store = openDeskStore(join(setup.dir, 'pushing-desk.sqlite'));
    const ids: string[] = [];
    for (let n = 0; n < 1_200; n++) {
      const mutationId = randomUUID();
      ids.push(mutationId);
      store.recordAnnotation(
        { mutationId, callId: `call-${n}`, customerId: null, phone: '+359888123456', note: `note ${n}`, disposition: 'resolved', followUpOn: null },
        { id: 'alice', name: 'Alice Operator' },
        new Date(),
      );
    }
    let status: SyncStatus | undefined;
    const client = createSyncClient({
      url: setup.hub.url, username: 'alice', password: PASSWORD, historyDays: 30, pushBatch: 20,
      store, log: silentLogger, onStatus: (s) => (status = s), onChanged: () => undefined,
    });
    client.start();
    try {
      await until(() => store.outboxCounts().pending < 1_100, 'the first pushes to land', 20_000);
      await setup.hub.kill();
      const pendingAtKill = store.outboxCounts().pending;
      expect(pendingAtKill).toBeGreaterThan(0);
      await until(() => status?.state === 'offline', 'the desk to notice the hub is gone', 20_000);
      await setup.restart();
      await until(() => store.outboxCounts().pending === 0, 'the outbox to drain after the restart', 60_000);
    } finally {
      await client.stop();
    }
    const { rows } = await db.query<{ stored: number; distinct_notes: number; recorded: number }>(
      `SELECT count(*)::int AS stored, count(DISTINCT note)::int AS distinct_notes,
              (SELECT count(*)::int FROM mutations WHERE mutation_id::text = ANY($1::text[])) AS recorded
       FROM interactions WHERE id = ANY($1::text[])`,
      [ids],
    );
    expect(rows[0]).toEqual({ stored: 1_200, distinct_notes: 1_200, recorded: 1_200 });
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0, lastRefusal: null });
    store.close();
  });

  it('lets a desk work offline and drains its outbox when the hub is back', async () => {
    const desk = await startSyncedDesk(setup.hub.url, 'bob');
    try {
      await setup.hub.kill();
      const callId = randomUUID();
      desk.desk.onCallEvent({ callId, state: 'ringing', direction: 'inbound', remote: '0888123456' }, 'test');
      const pop = desk.events.find((e) => e.name === 'pop' && e.payload.callId === callId);
      expect(pop?.name === 'pop' && pop.payload.candidates[0]?.customer.lastName).toBe('Иванов');
      const saved = await desk.desk.handlers.saveAnnotation({
        mutationId: randomUUID(), callId, customerId: pop?.name === 'pop' ? pop.payload.candidates[0]!.customer.id : null,
        phone: '+359888123456', note: 'written while the hub was down', disposition: 'resolved', followUpOn: null,
      });
      await expect.poll(() => desk.sync(), { timeout: 10_000 }).toMatchObject({ state: 'offline', pending: 1, offlineSince: expect.any(String) });
      await setup.restart();
      await expect.poll(() => desk.sync(), { timeout: 40_000, interval: 200 }).toMatchObject({ state: 'online', pending: 0, offlineSince: null });
      expect((await db.query('SELECT note FROM interactions WHERE id = $1', [saved.id])).rows).toEqual([{ note: 'written while the hub was down' }]);
    } finally {
      await desk.close();
    }
  });
});

describe('a desk back on a hub after an outage', () => {
  it('says its state again, since the hub may have shown it offline meanwhile', async () => {
    const desk = await startSyncedDesk(setup.hub.url, 'alice');
    const newestStateOfAlice = async () =>
      (await db.query<{ id: number | null }>("SELECT max(id)::int AS id FROM board_events WHERE input->>'agentId' = 'alice'")).rows[0]!.id ?? 0;
    try {
      await expect.poll(newestStateOfAlice, { timeout: 5_000 }).toBeGreaterThan(0);
      const beforeOutage = await newestStateOfAlice();
      await setup.hub.kill();
      await expect.poll(() => desk.sync(), { timeout: 10_000 }).toMatchObject({ state: 'offline' });
      await setup.restart();
      await expect.poll(newestStateOfAlice, { timeout: 40_000, interval: 200 }).toBeGreaterThan(beforeOutage);
    } finally {
      await desk.close();
    }
  });
});

describe('a desk killed mid-pull', () => {
  // 20,000 customers imported, then pulled in pages of 100 by two CLI processes: most of a minute on a busy machine.
  it('resumes from its cursor with no gap', async () => {
    const hubDb = openTestHubDb(setup.databaseUrl);
    const header = 'external_id,customer_number,first_name,last_name,type,phones\n';
    const rows = Array.from({ length: 20_000 }, (_, n) => `bulk-${n},B-${n},Customer,Number ${n},person,+3592${String(4_000_000 + n)}:work\n`);
    const report = await importFeed(hubDb, 'customers', Readable.from([header, ...rows]), { format: 'csv', region: 'BG' });
    await hubDb.close();
    expect(report.rejected).toEqual([]);

    const dataDir = join(setup.dir, 'pulling-desk');
    const sync = () =>
      spawn(process.execPath, ['--import', 'tsx', 'electron/services/cli/cli.ts', 'sync', '--hub', setup.hub.url, '--agent', 'bob', '--data-dir', dataDir, '--page-size', '100'], {
        env: { ...process.env, AGENT_DESK_HUB_PASSWORD: PASSWORD },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const cursorOnDisk = () => {
      try {
        const file = new Database(join(dataDir, 'desk.sqlite'), { readonly: true, fileMustExist: true });
        try {
          return Number((file.prepare("SELECT value FROM sync_state WHERE key = 'pull_cursor'").pluck().get() as string | undefined) ?? 0);
        } finally {
          file.close();
        }
      } catch {
        return 0;
      }
    };

    const first = sync();
    const firstExit = new Promise((resolve) => first.once('exit', resolve));
    await until(() => cursorOnDisk() > 0, 'the first pages to land', 30_000);
    first.kill('SIGKILL');
    await firstExit;
    const newest = (await db.query<{ v: string }>('SELECT last_value AS v FROM change_version')).rows[0]!.v;
    expect(cursorOnDisk()).toBeLessThan(Number(newest));

    const second = sync();
    let output = '';
    second.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(output)).toMatchObject({ status: { state: 'online' } });

    const hub = (await db.query<{ customers: number; phones: number }>(
      'SELECT (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM phones) AS phones',
    )).rows[0]!;
    const desk = new Database(join(dataDir, 'desk.sqlite'), { readonly: true });
    const local = desk.prepare('SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM phones) AS phones').get();
    const hubIds = (await db.query<{ id: string }>('SELECT id FROM customers')).rows.map((r) => r.id).sort();
    const deskIds = (desk.prepare('SELECT id FROM customers').pluck().all() as string[]).sort();
    desk.close();
    expect(local).toEqual(hub);
    expect(deskIds).toEqual(hubIds);
  }, 90_000);
});
