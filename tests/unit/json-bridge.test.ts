import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseDeskConfig } from '../../electron/services/config/desk-config.js';
import { createDesk } from '../../electron/services/desk/desk.js';
import { silentLogger } from '../../electron/services/log.js';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { CALL_EVENTS_PATH, CALL_EVENTS_SOCKET_PATH, createJsonBridge, type JsonBridge } from '../../electron/services/telephony/json-bridge.js';
import type { CallEvent } from '../../shared/call.js';
import type { DeskEvent } from '../../shared/desk-api.js';
import { deskCustomers } from '../fixtures/desk-customers.js';
import { until } from '../support/until.js';

const TOKEN = 'a-bridge-token-of-32-characters!';
let bridge: JsonBridge;
let received: CallEvent[];
const cleanups: (() => Promise<void> | void)[] = [];

async function startBridge(options: { token?: string | null; maxBodyBytes?: number } = {}) {
  received = [];
  bridge = createJsonBridge({ host: '127.0.0.1', port: 0, token: options.token ?? null, log: silentLogger, ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) });
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

  it('refuses a body that is not JSON by content type with 415', async () => {
    const base = await startBridge();
    const response = await post(base, 'callId=c1&state=ringing', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatch(/application\/json/);
    expect(received).toEqual([]);
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
    await bridge.start((event, source) => desk.onCallEvent(event, source));
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
