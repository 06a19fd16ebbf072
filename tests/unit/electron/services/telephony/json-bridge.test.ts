import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { createDesk } from '../../../../../electron/services/desk/desk.js';
import { silentLogger } from '../../../../../electron/services/log.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { CALL_EVENTS_PATH, CALL_EVENTS_SOCKET_PATH, createJsonBridge, type JsonBridge } from '../../../../../electron/services/telephony/json-bridge.js';
import type { CallEvent } from '../../../../../shared/call.js';
import type { DeskEvent } from '../../../../../shared/desk-api.js';
import { deskCustomers } from '../../../../fixtures/desk-customers.js';
import { requestWithHost, slowBody } from '../../../../support/raw-http.js';
import { until } from '../../../../support/until.js';

const TOKEN = 'a-bridge-token-of-32-characters!';
let bridge: JsonBridge;
let received: CallEvent[];
const cleanups: (() => Promise<void> | void)[] = [];

async function startBridge(options: Partial<Omit<Parameters<typeof createJsonBridge>[0], 'port'>> = {}) {
  received = [];
  bridge = createJsonBridge({ host: '127.0.0.1', port: 0, token: null, log: silentLogger, ...options });
  await bridge.start((event) => received.push(event));
  cleanups.push(() => bridge.stop());
  return `http://127.0.0.1:${bridge.address().port}`;
}

function post(base: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(`${base}${CALL_EVENTS_PATH}`, { method: 'POST', headers, body });
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('JSON bridge over HTTP', () => {
  it('accepts a valid event with 202 and hands it on with defaults applied', async () => {
    const base = await startBridge();
    const response = await post(base, JSON.stringify({ callId: 'c1', state: 'ringing', remote: '0888 123 456', queue: 'sales' }));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: true, callId: 'c1' });
    expect(received).toEqual([{ callId: 'c1', state: 'ringing', remote: '0888 123 456', queue: 'sales', direction: 'inbound' }]);
  });

  it.each(['ringing', 'answered', 'ended', 'missed'])('takes the %s state', async (state) => {
    const base = await startBridge();
    expect((await post(base, JSON.stringify({ callId: 'c', state, remote: '+359888123456' }))).status).toBe(202);
    expect(received.map((e) => e.state)).toEqual([state]);
  });

  it.each([
    ['bad JSON', '{"callId": "c1", "state": ', /not valid JSON/],
    ['a missing callId', JSON.stringify({ state: 'ringing', remote: '0888123456' }), /callId/],
    ['a number where text belongs', JSON.stringify({ callId: 'c1', state: 'ringing', remote: 359888123456 }), /remote/],
    ['an unknown state', JSON.stringify({ callId: 'c1', state: 'ringing-ish', remote: '0888123456' }), /state/],
    ['an unknown field', JSON.stringify({ callId: 'c1', state: 'ringing', remote: '0888123456', colour: 'red' }), /colour/],
    ['a bad timestamp', JSON.stringify({ callId: 'c1', state: 'ringing', remote: '0888123456', at: 'yesterday' }), /at/],
    ['an array', JSON.stringify([{ callId: 'c1', state: 'ringing', remote: '0888123456' }]), /object/],
  ])('refuses %s with a 400 that names the problem, and passes nothing on', async (_what, body, message) => {
    const base = await startBridge();
    const response = await post(base, body);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(message);
    expect(received).toEqual([]);
  });

  it('refuses an oversized body with 413', async () => {
    const base = await startBridge({ maxBodyBytes: 1024 });
    const response = await post(base, JSON.stringify({ callId: 'c1', state: 'ringing', remote: '0888123456', remoteName: 'x'.repeat(2000) }));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/larger than 1024 bytes/);
    expect(received).toEqual([]);
  });

  it.each([
    'application/x-www-form-urlencoded',
    'text/plain',
    'text/plain;charset=UTF-8',
    'text/html',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/octet-stream',
    'application/jsonx',
  ])('refuses a body sent as %s with 415, even when the body is a valid call event', async (contentType) => {
    const base = await startBridge();
    const response = await post(base, JSON.stringify({ callId: 'c1', state: 'ringing', remote: '0888123456' }), { 'content-type': contentType });
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatch(/application\/json/);
    expect(received).toEqual([]);
  });

  it('takes application/json with a charset', async () => {
    const base = await startBridge();
    const response = await post(base, JSON.stringify({ callId: 'c1', state: 'ringing', remote: '0888123456' }), { 'content-type': 'application/json; charset=utf-8' });
    expect(response.status).toBe(202);
  });

  it('forwards duplicates: one pop per call is the desk’s job', async () => {
    const base = await startBridge();
    const event = JSON.stringify({ callId: 'dup', state: 'ringing', remote: '0888123456' });
    await post(base, event);
    await post(base, event);
    expect(received).toHaveLength(2);
  });

  it('requires the token when one is configured', async () => {
    const base = await startBridge({ token: TOKEN });
    const body = JSON.stringify({ callId: 'c1', state: 'ringing', remote: '0888123456' });
    expect((await post(base, body)).status).toBe(401);
    expect((await post(base, body, { 'content-type': 'application/json', authorization: 'Bearer wrong-token-wrong-token-wrong-tok' })).status).toBe(401);
    expect(received).toEqual([]);
    expect((await post(base, body, { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` })).status).toBe(202);
    expect(received).toHaveLength(1);
  });

  it('closes its port on stop', async () => {
    const base = await startBridge();
    await bridge.stop();
    await expect(fetch(`${base}/v1/health`)).rejects.toThrow();
  });
});

describe('JSON bridge over WebSocket', () => {
  function open(base: string, options: WebSocket.ClientOptions = {}, query = '') {
    const socket = new WebSocket(`${base.replace('http', 'ws')}${CALL_EVENTS_SOCKET_PATH}${query}`, options);
    cleanups.push(() => socket.close());
    const replies: unknown[] = [];
    socket.on('message', (data) => replies.push(JSON.parse(data.toString())));
    const next = async (count: number) => {
      await until(() => replies.length >= count, `reply ${count}`);
      return replies[count - 1];
    };
    return { socket, next, opened: new Promise<void>((resolve, reject) => { socket.once('open', () => resolve()); socket.once('error', reject); }) };
  }

  it('answers every frame, a bad one included, and keeps the socket open', async () => {
    const base = await startBridge();
    const ws = open(base);
    await ws.opened;
    ws.socket.send('not json');
    expect(await ws.next(1)).toEqual({ error: expect.stringMatching(/not valid JSON/) });
    ws.socket.send(JSON.stringify({ callId: 'w1', state: 'ringing' }));
    expect(await ws.next(2)).toEqual({ error: expect.stringMatching(/remote/) });
    ws.socket.send(JSON.stringify({ callId: 'w1', state: 'ringing', remote: 'sip:+359888123456@pbx' }));
    expect(await ws.next(3)).toEqual({ accepted: true, callId: 'w1' });
    expect(received.map((e) => e.callId)).toEqual(['w1']);
  });

  it('refuses browser pages from other origins', async () => {
    const base = await startBridge();
    const ws = open(base, { origin: 'https://evil.example' });
    await expect(ws.opened).rejects.toThrow(/403/);
  });

  it('takes the token as a query parameter from clients that cannot set headers', async () => {
    const base = await startBridge({ token: TOKEN });
    await expect(open(base).opened).rejects.toThrow(/401/);
    const ws = open(base, {}, `?token=${encodeURIComponent(TOKEN)}`);
    await ws.opened;
    ws.socket.send(JSON.stringify({ callId: 'w2', state: 'ringing', remote: '0888123456' }));
    expect(await ws.next(1)).toEqual({ accepted: true, callId: 'w2' });
  });
});

const VALID = JSON.stringify({ callId: 'h1', state: 'ringing', remote: '0888123456' });

function bridgePort(): number {
  return bridge.address().port;
}

describe('JSON bridge against DNS rebinding', () => {
  it.each([
    ['a foreign name', (port: number) => `rebind.example:${port}`],
    ['a name under a wildcard DNS service', (port: number) => `127.0.0.1.nip.io:${port}`],
    ['localhost with a trailing dot', (port: number) => `localhost.:${port}`],
    ['loopback on another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['loopback without the port', () => '127.0.0.1'],
  ])('refuses a POST whose Host is %s with 421, and passes nothing on', async (_what, host) => {
    await startBridge();
    const response = await requestWithHost(bridgePort(), { method: 'POST', path: CALL_EVENTS_PATH, host: host(bridgePort()), headers: { 'content-type': 'application/json' }, body: VALID });
    expect(response.status).toBe(421);
    expect(JSON.parse(response.body).error).toMatch(/127\.0\.0\.1|localhost/);
    expect(received).toEqual([]);
  });

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('takes a POST whose Host is %s with the bridge’s port', async (name) => {
    await startBridge();
    const response = await requestWithHost(bridgePort(), { method: 'POST', path: CALL_EVENTS_PATH, host: `${name}:${bridgePort()}`, headers: { 'content-type': 'application/json' }, body: VALID });
    expect(response.status).toBe(202);
    expect(received).toHaveLength(1);
  });

  it('refuses a WebSocket from a rebound page, whose Origin matches its Host', async () => {
    await startBridge();
    const host = `rebind.example:${bridgePort()}`;
    const socket = new WebSocket(`ws://127.0.0.1:${bridgePort()}${CALL_EVENTS_SOCKET_PATH}`, { headers: { host }, origin: `http://${host}` });
    socket.on('error', () => undefined);
    cleanups.push(() => socket.terminate());
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (req, res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      socket.once('open', () => resolve(101));
    });
    expect(status).toBe(421);
  });

  it('refuses a POST from a web page of another origin', async () => {
    const base = await startBridge();
    const response = await post(base, VALID, { 'content-type': 'application/json', origin: 'http://rebind.example' });
    expect(response.status).toBe(403);
    expect(received).toEqual([]);
  });
});

describe('JSON bridge limits', () => {
  const SHORT = { requestTimeoutMs: 600, headersTimeoutMs: 600 };

  it('drops requests whose body trickles in, once the request timeout has passed', async () => {
    await startBridge({ limits: SHORT });
    const slow = await Promise.all([1, 2, 3].map(() => slowBody(bridgePort(), { path: CALL_EVENTS_PATH, stage: 'body', everyMs: 100, giveUpMs: 5_000 })));
    for (const { closedAfterMs, answer } of slow) {
      expect(closedAfterMs).not.toBeNull();
      expect(closedAfterMs!).toBeLessThan(4_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    }
    expect(received).toEqual([]);
  });

  it('drops a connection whose headers never end', async () => {
    await startBridge({ limits: SHORT });
    const { closedAfterMs } = await slowBody(bridgePort(), { path: CALL_EVENTS_PATH, stage: 'headers', everyMs: 100, giveUpMs: 5_000 });
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(4_000);
  });

  it('closes connections beyond its cap at once and says so in the log, serving the others', async () => {
    const lines: string[] = [];
    await startBridge({ limits: { maxConnections: 2 }, log: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }) });
    const idle = [connect(bridgePort(), '127.0.0.1'), connect(bridgePort(), '127.0.0.1')];
    for (const socket of idle) {
      cleanups.push(() => void socket.destroy());
      await new Promise((resolve) => socket.once('connect', resolve));
    }
    const third = connect(bridgePort(), '127.0.0.1');
    cleanups.push(() => void third.destroy());
    third.on('error', () => undefined);
    const closedByServer = await new Promise<boolean>((resolve) => {
      third.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 2_000);
    });
    expect(closedByServer).toBe(true);
    expect(idle.every((socket) => !socket.destroyed)).toBe(true);
    await until(() => lines.some((l) => /connection refused: too many connections/.test(l)), 'the log line');
    idle[0]!.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await post(`http://127.0.0.1:${bridgePort()}`, VALID, { 'content-type': 'application/json', connection: 'close' })).status).toBe(202);
  });

  it('drops a WebSocket whose client stops reading its replies, with a log line, and keeps serving others', async () => {
    const lines: string[] = [];
    await startBridge({ limits: { maxSendQueueBytes: 1024 * 1024 }, log: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }) });
    const socket = new WebSocket(`ws://127.0.0.1:${bridgePort()}${CALL_EVENTS_SOCKET_PATH}`);
    cleanups.push(() => socket.terminate());
    let replies = 0;
    socket.on('message', () => replies++);
    await new Promise((resolve) => socket.once('open', resolve));
    socket.pause();
    // Each frame has a thousand unknown fields, and its refusal names them all: ~15 KB out per frame.
    const frame = JSON.stringify({ callId: 'slow', state: 'ringing', remote: '1', ...Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`unknown${i}`, 1])) });
    const FRAMES = 2_000;
    for (let i = 0; i < FRAMES; i++) socket.send(frame);
    await until(() => lines.some((l) => /does not read/.test(l)), 'the slow client to be dropped', 15_000);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.resume();
    await closed;
    expect(replies).toBeLessThan(FRAMES);
    expect((await post(`http://127.0.0.1:${bridgePort()}`, VALID)).status).toBe(202);
  });
});

describe('JSON bridge beyond loopback', () => {
  it('logs a warning at start when it listens on the network', async () => {
    const lines: string[] = [];
    await startBridge({ host: '0.0.0.0', token: TOKEN, log: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }) });
    expect(lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      expect.stringMatching(/listens beyond loopback.*token/),
    ]);
  });
});

describe('JSON bridge feeding a real desk', () => {
  it('gives one pop for a call whose ringing event arrives twice, and logs it once when it ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bridge-desk-'));
    const store = openDeskStore(join(dir, 'desk.sqlite'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close());
    store.insertBatch(deskCustomers);
    const desk = createDesk({ config: parseDeskConfig({}, 'test'), store, log: silentLogger });
    const events: DeskEvent[] = [];
    desk.subscribe((e) => events.push(e));
    bridge = createJsonBridge({ host: '127.0.0.1', port: 0, token: null, log: silentLogger });
    await bridge.start((event) => desk.onCallEvent(event, bridge.name));
    cleanups.push(() => bridge.stop());
    const base = `http://127.0.0.1:${bridge.address().port}`;

    const ringing = JSON.stringify({ callId: 'twice', state: 'ringing', remote: '0888 123 456' });
    await post(base, ringing);
    await post(base, ringing);
    await post(base, JSON.stringify({ callId: 'twice', state: 'missed', remote: '0888 123 456' }));
    await post(base, JSON.stringify({ callId: 'twice', state: 'missed', remote: '0888 123 456' }));

    const pops = events.filter((e) => e.name === 'pop');
    expect(pops.map((e) => e.name === 'pop' && e.payload.state)).toEqual(['ringing', 'missed']);
    expect(store.listCallLog(10)).toHaveLength(1);
    expect(store.listCallLog(10)[0]).toMatchObject({ callId: 'twice', customerName: 'Иван Иванов', outcome: 'missed' });
  });
});
