import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { CallEventSchema } from '../../../../../shared/call.js';
import { DESK_SOCKET_SECRET_META } from '../../../../../shared/desk-wire.js';
import { parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { createDesk, type Desk } from '../../../../../electron/services/desk/desk.js';
import { startBrowserHost } from '../../../../../electron/services/host/browser-host.js';
import { silentLogger } from '../../../../../electron/services/log.js';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { deskCustomers } from '../../../../fixtures/desk-customers.js';
import { openDeskSocket, readSocketSecret } from '../../../../support/desk-socket-client.js';
import { requestWithHost, slowBody } from '../../../../support/raw-http.js';
import { until } from '../../../../support/until.js';

let dir: string;
let store: DeskStore;
let desk: Desk;
let host: Awaited<ReturnType<typeof startBrowserHost>>;
const sockets: WebSocket[] = [];

let logLines: string[];

async function restartHost(options: Partial<Parameters<typeof startBrowserHost>[0]> = {}) {
  await host.close();
  host = await startBrowserHost({ desk, rendererDir: dir, host: '127.0.0.1', port: 0, log: pino({ level: 'info' }, { write: (line: string) => logLines.push(line) }), ...options });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'host-'));
  logLines = [];
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Agent Desk</title></head><body></body></html>');
  writeFileSync(join(dir, 'app.js'), 'console.log("the renderer")');
  store = openDeskStore(join(dir, 'desk.sqlite'));
  store.insertBatch(deskCustomers);
  desk = createDesk({ config: parseDeskConfig({}, 'test'), store, log: silentLogger });
  host = await startBrowserHost({ desk, rendererDir: dir, host: '127.0.0.1', port: 0, log: pino({ level: 'info' }, { write: (line: string) => logLines.push(line) }) });
});

afterEach(async () => {
  for (const s of sockets) s.terminate();
  await host.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The desk socket as the served page opens it: with the secret the page carries. */
async function connect(headers: Record<string, string> = {}, secret?: string | null): Promise<{ ws: WebSocket; frames: unknown[] }> {
  const client = await openDeskSocket(host.url, { secret: secret === undefined ? await readSocketSecret(host.url) : secret, headers });
  sockets.push(client.ws);
  return client;
}

async function nextFrame(frames: unknown[], count: number): Promise<unknown> {
  for (let i = 0; i < 200 && frames.length < count; i++) await new Promise((r) => setTimeout(r, 10));
  return frames[count - 1];
}

describe('browser host', () => {
  it('serves the renderer with a strict content security policy', async () => {
    const res = await fetch(`${host.url}index.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers a desk request over the socket', async () => {
    const { ws, frames } = await connect();
    ws.send(JSON.stringify({ id: 1, name: 'searchCustomers', input: { query: 'Kowalska' } }));
    const frame = (await nextFrame(frames, 1)) as { ok: boolean; output: { customers: { lastName: string }[] } };
    expect(frame).toMatchObject({ type: 'response', id: 1, ok: true });
    expect(frame.output.customers.map((c) => c.lastName)).toEqual(['Kowalska']);
  });

  it('pushes pops to every attached UI', async () => {
    const [a, b] = [await connect(), await connect()];
    desk.onCallEvent(CallEventSchema.parse({ callId: 'h1', state: 'ringing', remote: '+359888123456' }), 'test');
    for (const { frames } of [a, b]) expect(await nextFrame(frames, 1)).toMatchObject({ type: 'event', name: 'pop', payload: { callId: 'h1' } });
  });

  it('rejects input that breaks the contract with a message naming the field', async () => {
    const { ws, frames } = await connect();
    ws.send(JSON.stringify({ id: 2, name: 'searchCustomers', input: { query: 'x', limit: 5000 } }));
    expect(await nextFrame(frames, 1)).toMatchObject({ id: 2, ok: false, error: { code: 'bad_request', message: expect.stringMatching(/limit/) } });
  });

  it('rejects an unknown request by name', async () => {
    const { ws, frames } = await connect();
    ws.send(JSON.stringify({ id: 3, name: 'dropTables', input: {} }));
    expect(await nextFrame(frames, 1)).toMatchObject({ id: 3, ok: false, error: { code: 'unknown_request' } });
  });

  it('answers a frame that is not JSON and keeps the connection', async () => {
    const { ws, frames } = await connect();
    ws.send('{not json');
    expect(await nextFrame(frames, 1)).toMatchObject({ id: -1, ok: false, error: { code: 'bad_request', message: expect.stringMatching(/not JSON/) } });
    ws.send(JSON.stringify({ id: 4, name: 'listCallLog', input: {} }));
    expect(await nextFrame(frames, 2)).toMatchObject({ id: 4, ok: true, output: [] });
  });

  it('refuses a socket opened by another origin’s page', async () => {
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });
});

describe('the desk socket’s secret', () => {
  it('is in the page the host serves, at / and at /index.html, which no cache may keep', async () => {
    for (const path of ['', 'index.html']) {
      const res = await fetch(`${host.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).toMatch(new RegExp(`<meta name="${DESK_SOCKET_SECRET_META}" content="[A-Za-z0-9_-]{43}"`));
    }
  });

  it('is required: a socket without it, or with a wrong one, is refused with 401', async () => {
    await expect(connect({}, null)).rejects.toThrow(/401/);
    await expect(connect({}, 'A'.repeat(43))).rejects.toThrow(/401/);
    expect(logLines.some((l) => /desk socket refused: missing or wrong secret/.test(l))).toBe(true);
  });

  it('is new on every run of the host', async () => {
    const first = await readSocketSecret(host.url);
    await restartHost();
    const second = await readSocketSecret(host.url);
    expect(second).not.toBe(first);
    await expect(connect({}, first)).rejects.toThrow(/401/);
    await expect(connect({}, second)).resolves.toBeDefined();
  });

  it('is not answered back: the host picks the desk protocol, never the secret', async () => {
    const { ws } = await connect();
    expect(ws.protocol).toBe('agent-desk.v1');
  });
});

describe('browser host against DNS rebinding', () => {
  it.each(['/', '/index.html', '/app.js', '/nothing-here'])('answers %s under a foreign Host with 421 and no page', async (path) => {
    const res = await requestWithHost(host.port, { path, host: `rebind.example:${host.port}` });
    expect(res.status).toBe(421);
    expect(res.body).not.toContain(DESK_SOCKET_SECRET_META);
    expect(res.body).not.toContain('the renderer');
  });

  it.each(['127.0.0.1', 'localhost', '[::1]'])('serves the page under %s with its port', async (name) => {
    const res = await requestWithHost(host.port, { path: '/', host: `${name}:${host.port}` });
    expect(res.status).toBe(200);
    expect(res.body).toContain(DESK_SOCKET_SECRET_META);
  });

  it('refuses the socket under a foreign Host even with the right secret and a matching Origin', async () => {
    const hostHeader = `rebind.example:${host.port}`;
    await expect(connect({ host: hostHeader, origin: `http://${hostHeader}` })).rejects.toThrow(/421/);
  });
});

describe('browser host limits', () => {
  it('drops a desk socket whose client stops reading, with a log line, and keeps serving others', async () => {
    await restartHost({ limits: { maxSendQueueBytes: 1024 * 1024 } });
    const slow = await connect();
    slow.ws.pause();
    // Each request has 5,000 unknown fields and its refusal names them all (~70 KB out); 500 of them outrun the kernel's socket buffers.
    const input = { ...Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`unknown${i}`, 1])) };
    const REQUESTS = 500;
    for (let i = 0; i < REQUESTS; i++) slow.ws.send(JSON.stringify({ id: i, name: 'getDeskState', input }));
    await until(() => logLines.some((l) => /does not read/.test(l)), 'the slow client to be dropped', 15_000);
    const closed = new Promise((resolve) => slow.ws.once('close', resolve));
    slow.ws.resume();
    await closed;
    expect(slow.frames.length).toBeLessThan(REQUESTS);
    const other = await openDeskSocket(host.url, { secret: await readSocketSecret(host.url) });
    sockets.push(other.ws);
    expect((await other.request('listCallLog')).ok).toBe(true);
  });

  it('drops a connection whose headers never end', async () => {
    await restartHost({ limits: { requestTimeoutMs: 600, headersTimeoutMs: 600 } });
    const { closedAfterMs } = await slowBody(host.port, { path: '/', stage: 'headers', everyMs: 100, giveUpMs: 5_000 });
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(4_000);
  });

  it('drops requests whose body trickles in, once the request timeout has passed', async () => {
    await restartHost({ limits: { requestTimeoutMs: 600, headersTimeoutMs: 600 } });
    const slow = await Promise.all([1, 2, 3].map(() => slowBody(host.port, { path: '/', stage: 'body', everyMs: 100, giveUpMs: 5_000 })));
    for (const { closedAfterMs } of slow) {
      expect(closedAfterMs).not.toBeNull();
      expect(closedAfterMs!).toBeLessThan(4_000);
    }
  });
});

describe('browser host beyond loopback', () => {
  it('logs a warning at start when it serves the network', async () => {
    await restartHost({ host: '0.0.0.0' });
    const warnings = logLines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
    expect(warnings.map((w) => w.msg)).toEqual([expect.stringMatching(/beyond loopback/)]);
  });
});
