/** The typed hub client against a loopback server that answers what each test scripts, right or wrong. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, assertType, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HubRequestTable } from '../../../shared/hub-api.js';
import { createHubClient, HubAnswerMalformed, hubSocketUrl, readHubFrame } from '../../../shared/hub-client.js';

interface Scripted {
  status: number;
  type?: string;
  body: string;
}
let next: Scripted = { status: 200, body: '' };
let last: { method: string | undefined; url: string | undefined; headers: IncomingHttpHeaders; body: string } | undefined;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      last = { method: request.method, url: request.url, headers: request.headers, body };
      response.writeHead(next.status, { 'content-type': next.type ?? 'application/json' }).end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const answering = (scripted: Scripted) => (next = scripted);
/** The client with a session; `url` is known once the server listens. */
const signedIn = () => createHubClient({ url, token: () => 'the-token' });
const SNAPSHOT = { queues: [], agents: [], at: '2026-12-01T10:00:00.000Z', timeZone: 'UTC' };

describe('the hub client', () => {
  it('answers with the value when the answer matches the route’s schema', async () => {
    answering({ status: 200, body: JSON.stringify(SNAPSHOT) });
    expect(await createHubClient({ url }).call('board')).toEqual({ ok: true, status: 200, value: SNAPSHOT });
  });

  it('refuses an answer that does not match the route’s schema, naming the route and the field', async () => {
    answering({ status: 200, body: JSON.stringify({ ...SNAPSHOT, queues: 'none' }) });
    await expect(createHubClient({ url }).call('board')).rejects.toThrow(HubAnswerMalformed);
    await expect(createHubClient({ url }).call('board')).rejects.toThrow(/^hub sent a malformed answer to board \(GET \/v1\/board\): queues: /);
  });

  it('refuses a success that is not JSON at all', async () => {
    answering({ status: 200, type: 'text/html', body: '<html>a captive portal</html>' });
    await expect(createHubClient({ url }).call('health')).rejects.toThrow(HubAnswerMalformed);
  });

  it('gives a refusal with its status, and its code when the route may answer it', async () => {
    answering({ status: 403, body: JSON.stringify({ error: 'forbidden', message: 'this needs the supervisor or admin role; alice is operator' }) });
    expect(await signedIn().call('board')).toEqual({ ok: false, status: 403, error: 'forbidden', message: 'this needs the supervisor or admin role; alice is operator' });
  });

  it('gives no code for a refusal the route does not declare, or one that is not the hub’s words', async () => {
    answering({ status: 409, body: JSON.stringify({ error: 'conflict', message: 'not a board’s answer' }) });
    expect(await signedIn().call('board')).toEqual({ ok: false, status: 409, error: null, message: 'not a board’s answer' });
    answering({ status: 502, type: 'text/html', body: '<h1>Bad Gateway</h1>' });
    expect(await signedIn().call('board')).toEqual({ ok: false, status: 502, error: null, message: null });
  });

  it('reads a 204 as an answer with no content', async () => {
    answering({ status: 204, body: '' });
    expect(await signedIn().call('logout')).toEqual({ ok: true, status: 204, value: undefined });
    expect(last).toMatchObject({ method: 'DELETE', url: '/v1/sessions/current', headers: { authorization: 'Bearer the-token' } });
  });

  it('sends the route’s method and path, its query, its body as JSON and the session token', async () => {
    answering({ status: 200, body: JSON.stringify({ changes: [], cursor: 3, more: false }) });
    await signedIn().call('pull', { query: { after: 3, limit: 10 } });
    expect(last).toMatchObject({ method: 'GET', url: '/v1/sync/changes?after=3&limit=10', body: '' });
    answering({ status: 200, body: JSON.stringify({ results: [] }) });
    await signedIn().call('push', { body: { mutations: [] } });
    expect(last).toMatchObject({ method: 'POST', url: '/v1/sync/mutations', headers: { 'content-type': 'application/json' }, body: '{"mutations":[]}' });
  });

  it('fills in the path’s parameters', async () => {
    const routes = {
      note: { method: 'GET', path: '/v1/notes/:id', auth: 'agent', label: 'note', params: z.strictObject({ id: z.string() }), status: 200, answer: z.object({ id: z.string() }) },
    } as const satisfies HubRequestTable;
    answering({ status: 200, body: '{"id":"a/b"}' });
    expect(await createHubClient({ url }, routes).call('note', { params: { id: 'a/b' } })).toMatchObject({ ok: true, value: { id: 'a/b' } });
    expect(last?.url).toBe('/v1/notes/a%2Fb');
  });

  it('reads a socket’s frames by its route’s schema', () => {
    expect(hubSocketUrl('https://hub.example:8443/', 'nudges')).toBe('wss://hub.example:8443/v1/sync/nudges');
    expect(readHubFrame('nudges', '{"type":"changes","version":4}')).toMatchObject({ success: true, data: { version: 4 } });
    expect(readHubFrame('nudges', '{"type":"changes"}').success).toBe(false);
    expect(readHubFrame('nudges', 'not json').success).toBe(false);
  });

  it('will not compile a call with the wrong input', () => {
    // @ts-expect-error: a push's mutations are a list
    assertType(() => signedIn().call('push', { body: { mutations: 'none' } }));
    // @ts-expect-error: a pull needs its query
    assertType(() => signedIn().call('pull'));
    // @ts-expect-error: the hub has no such route
    assertType(() => signedIn().call('tickets'));
    // @ts-expect-error: the board takes no input
    assertType(() => signedIn().call('board', { body: {} }));
  });
});
