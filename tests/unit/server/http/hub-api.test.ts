import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HubConfigSchema } from '../../../../server/hub-config.js';
import { startHub } from '../../../../server/hub.js';
import { silentLogger } from '../../../../electron/services/log.js';
import type { Interaction } from '../../../../shared/domain.js';
import { type HubRequestName, hubRequests } from '../../../../shared/hub-api.js';
import { hubSocketUrl } from '../../../../shared/hub-client.js';
import type { Mutation, PullPage, PullQuery, PushResult } from '../../../../shared/sync.js';
import { hubClient, rawRequest, seen, startHubOnOwnPostgres, type TestHub } from '../../../support/test-hub.js';
import { testCustomer } from '../../../fixtures/desk-customers.js';

let hub: TestHub;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  hub = await startHubOnOwnPostgres();
  for (const name of ['alice', 'bob', 'root']) tokens[name] = (await hub.login(name)).token;
});

afterAll(async () => {
  await hub?.close();
});

/** The hub client, signed in as `as` (or not at all). */
const hubAs = (as?: string) => hubClient(hub.url, as ? tokens[as]! : null);
const raw = (name: HubRequestName, { as, body }: { as: string; body: unknown }) => rawRequest(hub.url, name, { token: tokens[as], body });

const customerIdOf = async (externalId: string) =>
  (await hub.db.query<{ id: string }>('SELECT id FROM customers WHERE external_id = $1', [externalId])).rows[0]!.id;

function note(agent: string, customerId: string | null, text = 'called about the router'): Mutation {
  const id = randomUUID();
  const interaction: Interaction = {
    id, customerId, kind: 'note', callId: null, phone: null, disposition: 'resolved', note: text, followUpOn: null, agent, at: new Date().toISOString(),
  };
  return { mutationId: id, kind: 'interaction.create', payload: interaction };
}

const push = async (as: string, mutations: Mutation[]) => seen(await hubAs(as).call('push', { body: { mutations } })) as { status: number; json: PushResult };
const pull = async (as: string, query: PullQuery) => seen(await hubAs(as).call('pull', { query })) as { status: number; json: PullPage };

describe('sessions and roles', () => {
  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = seen(await hubAs().call('login', { body: { username: 'alice', password: 'not her password' } }));
    const unknown = seen(await hubAs().call('login', { body: { username: 'mallory', password: 'not her password' } }));
    expect(wrong).toEqual({ status: 401, json: { error: 'bad_credentials', message: 'wrong username or password' } });
    expect(unknown).toEqual(wrong);
  });

  it('stores only a hash of each session token, and scrypt hashes of passwords', async () => {
    const { rows } = await hub.db.query<{ token_hash: Buffer; password_hash: string }>(
      'SELECT s.token_hash, a.password_hash FROM sessions s JOIN agents a ON a.id = s.agent_id WHERE a.id = $1 LIMIT 1',
      ['alice'],
    );
    expect(rows[0]!.token_hash.toString('base64url')).not.toBe(tokens.alice);
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('refuses sync without a token, and with a token it does not know', async () => {
    expect((await hubAs().call('pull', { query: { after: 0 } })).status).toBe(401);
    const forged = await hubClient(hub.url, 'forged-token-forged-token-forged-token').call('pull', { query: { after: 0 } });
    expect(forged.status).toBe(401);
    expect(!forged.ok && forged.message).toMatch(/unknown or has expired/);
  });

  it('keeps operators out of admin endpoints and lets an admin add an agent', async () => {
    const refused = seen(await hubAs('alice').call('listAgents'));
    expect(refused).toEqual({ status: 403, json: { error: 'forbidden', message: 'this needs the admin role; alice is operator' } });
    const created = seen(await hubAs('root').call('createAgent', { body: { username: 'carol', name: 'Carol', role: 'operator', password: 'long enough pass' } }));
    expect(created).toEqual({ status: 201, json: { id: 'carol', username: 'carol', name: 'Carol', role: 'operator' } });
    expect((await hubAs('root').call('createAgent', { body: { username: 'carol', name: 'C', role: 'operator', password: 'long enough pass' } })).status).toBe(409);
    expect((await hubAs('alice').call('createAgent', { body: { username: 'eve', name: 'Eve', role: 'admin', password: 'long enough pass' } })).status).toBe(403);
  });
});

describe('malformed requests', () => {
  it('names the field that is wrong', async () => {
    expect(await pull('alice', { after: -1 })).toMatchObject({ status: 400, json: { error: 'bad_request', message: expect.stringMatching(/^pull: after/) } });
    const bad = await raw('push', { as: 'alice', body: { mutations: [{ mutationId: 'nope', kind: 'interaction.create', payload: {} }] } });
    expect(bad).toMatchObject({ status: 400, json: { message: expect.stringMatching(/^push: mutations\.0/) } });
  });

  it('answers broken JSON with 400, not a crash', async () => {
    const broken = await raw('push', { as: 'alice', body: '{"mutations": [' });
    expect(broken.status).toBe(400);
    expect(seen(await hubAs().call('health')).json).toEqual({ ok: true });
  });

  it('has no mutation that changes a ticket: ticket status is the hub’s', async () => {
    const attempt = await raw('push', {
      as: 'alice',
      body: { mutations: [{ mutationId: randomUUID(), kind: 'ticket.update', payload: { status: 'closed' } }] },
    });
    expect(attempt.status).toBe(400);
  });
});

describe('push', () => {
  it('applies a mutation once: a replay is acknowledged as a duplicate', async () => {
    const mutation = note('alice', await customerIdOf('1001'));
    expect((await push('alice', [mutation])).json.results).toEqual([{ mutationId: mutation.mutationId, status: 'applied' }]);
    expect((await push('alice', [mutation])).json.results).toEqual([{ mutationId: mutation.mutationId, status: 'duplicate' }]);
    const { rows } = await hub.db.query('SELECT count(*)::int AS n FROM interactions WHERE id = $1', [mutation.mutationId]);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('refuses a note written as another agent, and stores nothing of it', async () => {
    const forged = note('bob', await customerIdOf('1001'), 'forged');
    const { json } = await push('alice', [forged]);
    expect(json.results).toEqual([{ mutationId: forged.mutationId, status: 'rejected', reason: 'wrong_agent' }]);
    expect((await hub.db.query('SELECT 1 FROM interactions WHERE id = $1', [forged.mutationId])).rowCount).toBe(0);
  });

  it('refuses a bad entry on its own and keeps the rest of the batch', async () => {
    const good = note('alice', await customerIdOf('1002'));
    const orphan = note('alice', 'no-such-customer');
    const { json } = await push('alice', [orphan, good]);
    expect(json.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(json.results[0]!.reason).toBe('customer_unknown');
  });

  it('answers a write the database refuses with a reason code, never the database’s own words', async () => {
    const at = new Date().toISOString();
    const customer = { ...testCustomer(randomUUID(), 'Second', 'Ivan'), customerNumber: 'C-1001', createdAt: at, updatedAt: at };
    const mutation: Mutation = { mutationId: randomUUID(), kind: 'customer.create', payload: { customer, phones: [] } };
    const { json } = await push('alice', [mutation]);
    expect(json.results).toEqual([{ mutationId: mutation.mutationId, status: 'rejected', reason: 'customer_number_taken' }]);
    expect(JSON.stringify(json)).not.toMatch(/duplicate key|violates|constraint/);
  });

  it('merges customer edits field by field, the later write winning each field', async () => {
    const id = await customerIdOf('1003');
    const at = new Date().toISOString();
    const edit = (fields: Record<string, unknown>): Mutation => ({ mutationId: randomUUID(), kind: 'customer.update', payload: { customerId: id, fields, at } });
    await push('alice', [edit({ email: 'petar@acme.bg' })]);
    await push('bob', [edit({ company: 'Acme Holding EOOD', email: 'p.georgiev@acme.bg' })]);
    await push('alice', [edit({ industry: 'Telecom' })]);
    const { rows } = await hub.db.query('SELECT first_name, company, email, industry FROM customers WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ first_name: 'Petar', company: 'Acme Holding EOOD', email: 'p.georgiev@acme.bg', industry: 'Telecom' });
  });

  it('keeps mutation ids apart per agent: an edit under an id another agent already used is applied', async () => {
    const id = await customerIdOf('1004');
    const mutationId = randomUUID();
    const edit = (industry: string): Mutation => ({ mutationId, kind: 'customer.update', payload: { customerId: id, fields: { industry }, at: new Date().toISOString() } });
    expect((await push('alice', [edit('Retail')])).json.results).toEqual([{ mutationId, status: 'applied' }]);
    expect((await push('bob', [edit('Logistics')])).json.results).toEqual([{ mutationId, status: 'applied' }]);
    expect((await hub.db.query('SELECT industry FROM customers WHERE id = $1', [id])).rows[0]).toEqual({ industry: 'Logistics' });
  });

  it('refuses, rather than acknowledges, a note pushed under another agent’s mutation id, and keeps the first note', async () => {
    const first = note('alice', await customerIdOf('1001'), 'alice wrote this');
    await push('alice', [first]);
    const reused: Mutation = { mutationId: first.mutationId, kind: 'interaction.create', payload: { ...(first.payload as Interaction), agent: 'bob', note: 'bob wrote this' } };
    const { json } = await push('bob', [reused]);
    expect(json.results).toEqual([{ mutationId: first.mutationId, status: 'rejected', reason: expect.stringMatching(/already/) }]);
    expect((await hub.db.query('SELECT agent, note FROM interactions WHERE id = $1', [first.mutationId])).rows).toEqual([{ agent: 'alice', note: 'alice wrote this' }]);
  });
});

describe('pull', () => {
  it('pages through every change in version order with no gap and no repeat', async () => {
    const seen: number[] = [];
    let after = 0;
    for (let page = 0; page < 100; page++) {
      const { status, json } = await pull('bob', { after, limit: 3 });
      expect(status).toBe(200);
      seen.push(...json.changes.filter((c) => c.version > after && c.version <= json.cursor).map((c) => c.version));
      after = json.cursor;
      if (!json.more) break;
    }
    const everything = await hub.db.query<{ v: number }>(
      `SELECT version::int AS v FROM customers UNION ALL SELECT version::int FROM purchases UNION ALL SELECT version::int FROM tickets
       UNION ALL SELECT version::int FROM interactions ORDER BY v`,
    );
    expect(seen).toEqual(everything.rows.map((r) => r.v));
  });

  it('sends a page’s customer along when the customer changed after the page', async () => {
    const customerId = await customerIdOf('1001');
    const edit: Mutation = { mutationId: randomUUID(), kind: 'customer.update', payload: { customerId, fields: { tags: ['vip'] }, at: new Date().toISOString() } };
    expect((await push('bob', [edit])).json.results[0]!.status).toBe('applied');
    const { rows } = await hub.db.query<{ version: number; customer_id: string }>("SELECT version::int, customer_id FROM purchases WHERE external_id = 'SO-1'");
    const purchase = rows[0]!;
    const { json } = await pull('bob', { after: purchase.version - 1, limit: 1 });
    expect(json.changes.map((c) => c.entity)).toEqual(['customer', 'purchase']);
    expect(json.changes[0]).toMatchObject({ customer: { id: purchase.customer_id, customerNumber: 'C-1001', tags: ['vip'] } });
  });

  it('names the agent who wrote each note, as the hub knows them', async () => {
    const written = note('alice', await customerIdOf('1002'), 'asked for the invoice again');
    await push('alice', [written]);
    const { json } = await pull('bob', { after: 0, limit: 5000 });
    const pulled = json.changes.find((c) => c.entity === 'interaction' && c.interaction.id === written.mutationId);
    expect(pulled).toMatchObject({ interaction: { agent: 'alice', agentName: 'Alice Operator' } });
  });

  it('leaves out purchases and notes older than historySince', async () => {
    const { json } = await pull('bob', { after: 0, limit: 5000, historySince: '2026-04-01' });
    const purchases = json.changes.flatMap((c) => (c.entity === 'purchase' ? [c.purchase.orderNumber] : []));
    expect(purchases).toEqual(['SO-2']);
  });
});

describe('fan-out', () => {
  it('nudges desks on another hub instance through LISTEN/NOTIFY', async () => {
    const second = await startHub(HubConfigSchema.parse({ database: { url: hub.databaseUrl }, listen: { port: 0 } }), silentLogger);
    try {
      const socket = new WebSocket(hubSocketUrl(second.url, 'nudges'), { headers: { authorization: `Bearer ${tokens.bob}` } });
      const nudges: number[] = [];
      socket.on('message', (data) => nudges.push((JSON.parse(data.toString()) as { version: number }).version));
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      const before = nudges.length;
      await push('alice', [note('alice', await customerIdOf('1002'), 'nudge me')]);
      const { rows } = await hub.db.query<{ v: number }>('SELECT max(version)::int AS v FROM interactions');
      await expect.poll(() => nudges.slice(before), { timeout: 3_000 }).toContain(rows[0]!.v);
      socket.close();
    } finally {
      await second.close();
    }
  });

  it('refuses a nudge socket without a session', async () => {
    const socket = new WebSocket(hubSocketUrl(hub.url, 'nudges'));
    const status = await new Promise<number>((resolve) => socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
  });
});

describe('TLS', () => {
  // A self-signed certificate for 127.0.0.1, made for these tests only (tests/fixtures/tls).
  const tls = { certFile: 'tests/fixtures/tls/hub.crt', keyFile: 'tests/fixtures/tls/hub.key' };

  it('speaks HTTPS only, with the certificate and key its config names', async () => {
    const secure = await startHub(HubConfigSchema.parse({ database: { url: hub.databaseUrl }, listen: { port: 0 }, tls }), silentLogger);
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        httpsGet(`${secure.url}${hubRequests.health.path}`, { ca: readFileSync(tls.certFile) }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).once('error', reject);
      });
      expect(health).toEqual({ status: 200, body: '{"ok":true}' });
      await expect(hubClient(secure.url.replace('https', 'http')).call('health')).rejects.toThrow();
    } finally {
      await secure.close();
    }
  });
});

