import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../../shared/domain.js';
import type { Mutation, PushResult } from '../../../../shared/sync.js';
import { hubClient, seen, startHubOnOwnPostgres, type TestHub } from '../../../support/test-hub.js';

let hub: TestHub;
let token: string;

beforeAll(async () => {
  hub = await startHubOnOwnPostgres();
  token = (await hub.login('alice')).token;
});

afterAll(async () => {
  await hub?.close();
});

function note(fields: Partial<Interaction>): Mutation {
  const id = randomUUID();
  const interaction: Interaction = {
    id, customerId: null, kind: 'note', callId: 'call-1', phone: null, disposition: 'resolved', note: 'called about the router', followUpOn: null, agent: 'alice', at: new Date().toISOString(), ...fields,
  };
  return { mutationId: id, kind: 'interaction.create', payload: interaction };
}

async function push(mutations: Mutation[]) {
  return seen(await hubClient(hub.url, token).call('push', { body: { mutations } })) as { status: number; json: PushResult & { message?: string } };
}

const stored = async (id: string) => (await hub.db.query('SELECT 1 FROM interactions WHERE id = $1', [id])).rowCount;
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('the hub takes only bounded text', () => {
  it('refuses a 7 MiB note and stores nothing of it', async () => {
    const huge = note({ note: 'x'.repeat(7 * 1024 * 1024) });
    const answer = await push([huge]);
    expect(answer).toMatchObject({ status: 400, json: { message: expect.stringMatching(/^push: mutations\.0\.payload\.note/) } });
    expect(await stored(huge.mutationId)).toBe(0);
  });

  it('refuses a 5,000-character disposition', async () => {
    const long = note({ disposition: 'd'.repeat(5_000) });
    expect(await push([long])).toMatchObject({ status: 400, json: { message: expect.stringMatching(/payload\.disposition/) } });
    expect(await stored(long.mutationId)).toBe(0);
  });

  it('refuses a NUL or another control character in a note, and keeps tabs and line breaks', async () => {
    for (const text of ['before\u0000after', 'escape \u001b[31m', 'c1 \u0085']) {
      expect((await push([note({ note: text })])).status).toBe(400);
    }
    const plain = note({ note: 'line one\n\tline two\r\n' });
    expect((await push([plain])).json.results).toEqual([{ mutationId: plain.mutationId, status: 'applied' }]);
  });
});

describe('the hub refuses a note stamped far from its clock', () => {
  it.each([
    ['year 9999', '9999-01-01T00:00:00.000Z'],
    ['two days ahead', hoursFromNow(48)],
    ['year 2001', '2001-09-09T01:46:40.000Z'],
  ])('rejects one stamped %s, with the reason, and keeps the rest of the batch', async (_, at) => {
    const skewed = note({ at });
    const good = note({});
    const { json } = await push([skewed, good]);
    expect(json.results).toEqual([
      { mutationId: skewed.mutationId, status: 'rejected', reason: 'clock_skew' },
      { mutationId: good.mutationId, status: 'applied' },
    ]);
    expect(await stored(skewed.mutationId)).toBe(0);
  });

  it('rejects a customer edit stamped in year 9999, which would pin the customer’s last change there', async () => {
    const { rows } = await hub.db.query<{ id: string; updated_at: Date }>("SELECT id, updated_at FROM customers WHERE external_id = '1001'");
    const edit: Mutation = { mutationId: randomUUID(), kind: 'customer.update', payload: { customerId: rows[0]!.id, fields: { industry: 'Telecom' }, at: '9999-12-31T00:00:00.000Z' } };
    expect((await push([edit])).json.results).toEqual([{ mutationId: edit.mutationId, status: 'rejected', reason: 'clock_skew' }]);
    const after = await hub.db.query<{ updated_at: Date }>('SELECT updated_at FROM customers WHERE id = $1', [rows[0]!.id]);
    expect(after.rows[0]!.updated_at).toEqual(rows[0]!.updated_at);
  });

  it('takes one from a desk whose clock is a few hours fast, or written during a month offline', async () => {
    const fast = note({ at: hoursFromNow(6) });
    const offline = note({ at: hoursFromNow(-30 * 24) });
    expect((await push([fast, offline])).json.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
});
