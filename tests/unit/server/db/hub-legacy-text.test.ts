import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_HUB_SCHEMA, migrateHub } from '../../../../server/db/migrations.js';
import { hubRequests } from '../../../../shared/hub-api.js';
import { PullPageSchema } from '../../../../shared/sync.js';
import { startHubOnOwnPostgres, type TestHub } from '../../../support/test-hub.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startHubOnOwnPostgres();
});

afterAll(async () => {
  await hub?.close();
});

/** Rows as a hub before the shared text rules could hold them: a tab from a spreadsheet, a note from a script. */
async function writeLegacyRows(): Promise<{ customerId: string; noteId: string }> {
  const customerId = randomUUID();
  const noteId = randomUUID();
  await hub.db.query(
    `INSERT INTO customers (id, customer_number, first_name, last_name, company, type, tags, created_at, updated_at, version)
     VALUES ($1, 'C-LEGACY', E'Ana\\tMaria', 'Petrova', $2, 'person', $3, now(), now(), nextval('change_version'))`,
    [customerId, `Acme${'x'.repeat(300)}`, JSON.stringify([`vip\u0007`, 't'.repeat(80)])],
  );
  await hub.db.query(
    `INSERT INTO interactions (id, customer_id, kind, call_id, disposition, note, agent, at, version)
     VALUES ($1, $2, 'note', $3, 'resolved', $4, 'alice', now(), nextval('change_version'))`,
    [noteId, customerId, 'c'.repeat(4_000), `first\n\tsecond\u001b[0m${'n'.repeat(20_000)}`],
  );
  return { customerId, noteId };
}

describe('rows written before the shared text rules', () => {
  it('are brought within them by a migration, so a desk can still pull every page', async () => {
    const { customerId, noteId } = await writeLegacyRows();
    const pulledBefore = Number((await hub.db.query<{ v: string }>('SELECT last_value AS v FROM change_version')).rows[0]!.v);
    await hub.db.query('DELETE FROM schema_migrations WHERE version = $1', [LATEST_HUB_SCHEMA]);
    expect(await migrateHub(hub.db)).toEqual([LATEST_HUB_SCHEMA]);

    const { token } = await hub.login('alice');
    // Read by hand, not through the hub client: the test wants the schema's issues, should there be any, not a refusal.
    const response = await fetch(`${hub.url}${hubRequests.pull.path}?after=0&limit=5000`, { headers: { authorization: `Bearer ${token}` } });
    const page = PullPageSchema.safeParse(await response.json());
    expect(page.error?.issues ?? []).toEqual([]);
    const customer = page.data!.changes.find((c) => c.entity === 'customer' && c.customer.id === customerId);
    expect(customer).toMatchObject({ customer: { firstName: 'AnaMaria', company: `Acme${'x'.repeat(196)}`, tags: ['vip', 't'.repeat(50)] } });
    const note = page.data!.changes.find((c) => c.entity === 'interaction' && c.interaction.id === noteId);
    expect(note).toMatchObject({ interaction: { callId: 'c'.repeat(128), note: expect.stringMatching(/^first\n\tsecond\[0mn+$/) } });
    // A desk that had pulled the old text gets the new: both rows moved past its cursor.
    expect([customer!.version, note!.version].every((version) => version > pulledBefore)).toBe(true);
  });
});
