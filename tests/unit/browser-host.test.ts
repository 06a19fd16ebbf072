import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CallEventSchema } from '../../shared/call.js';
import { DESK_SOCKET_PATH } from '../../shared/desk-wire.js';
import { parseDeskConfig } from '../../electron/services/config/desk-config.js';
import { createDesk, type Desk } from '../../electron/services/desk/desk.js';
import { startBrowserHost } from '../../electron/services/host/browser-host.js';
import { silentLogger } from '../../electron/services/log.js';
import type { DeskStore } from '../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { deskCustomers } from '../fixtures/desk-customers.js';

let dir: string;
let store: DeskStore;
let desk: Desk;
let host: Awaited<ReturnType<typeof startBrowserHost>>;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Agent Desk</title>');
  store = openDeskStore(join(dir, 'desk.sqlite'));
  store.insertBatch(deskCustomers);
  desk = createDesk({ config: parseDeskConfig({}, 'test'), store, log: silentLogger });
  host = await startBrowserHost({ desk, rendererDir: dir, host: '127.0.0.1', port: 0, log: silentLogger });
});

afterEach(async () => {
  for (const s of sockets) s.close();
  await host.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function connect(headers: Record<string, string> = {}): Promise<{ ws: WebSocket; frames: unknown[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${DESK_SOCKET_PATH}`, { headers });
  sockets.push(ws);
  const frames: unknown[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
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
    const frame = (await nextFrame(frames, 1)) as { ok: boolean; output: { lastName: string }[] };
    expect(frame).toMatchObject({ type: 'response', id: 1, ok: true });
    expect(frame.output.map((c) => c.lastName)).toEqual(['Kowalska']);
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
