/**
 * The JSON half of the fuzz pass: 5,000 generated bodies (tests/support/call-event-fuzz.ts)
 * over HTTP and WebSocket against a real desk process. Replay a failure with
 * AGENT_DESK_FUZZ_SEED=<the seed printed>.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CALL_EVENTS_PATH, CALL_EVENTS_SOCKET_PATH } from '../../../../../electron/services/telephony/json-bridge.js';
import { CallEventSchema } from '../../../../../shared/call.js';
import { type FuzzCase, fuzzSeed, generateFuzzCases, VALID_CALL_ID } from '../../../../support/call-event-fuzz.js';
import { openDeskSocket, readSocketSecret } from '../../../../support/desk-socket-client.js';
import { type DeskProcess, startDeskProcess } from '../../../../support/desk-process.js';
import { seededDataDir } from '../../../../support/seeded-data-dir.js';

const CASES = 5_000;
const RSS_GROWTH_LIMIT_BYTES = 64 * 1024 * 1024;
const seed = fuzzSeed();
console.log(`json bridge fuzz: seed ${seed} (AGENT_DESK_FUZZ_SEED=${seed} replays it)`);

let dataDir: string;
let desk: DeskProcess;

function rssBytes(pid: number): number {
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kib) throw new Error(`no VmRSS for ${pid}: has the desk exited?`);
  return Number(kib) * 1024;
}

/** What the bridge must answer over HTTP: 202 only for a valid event, 415 for any type but JSON, 413 only when too big. */
function expectedStatuses(c: FuzzCase): number[] {
  if (c.valid) return [202];
  if (c.mutation === 'wrongContentType') return [415];
  return c.body.length > 16 * 1024 ? [413] : [400];
}

/** One bridge WebSocket, reopened when the desk closes it (a frame over the size limit does). */
function bridgeSocket(url: string) {
  let socket: WebSocket;
  let closes = 0;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      socket = new WebSocket(url);
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
  /** The reply to one frame, or the close code when the desk closed the socket instead. */
  async function send(frame: string | Uint8Array, binary: boolean): Promise<{ reply: Record<string, unknown> } | { closed: number }> {
    if (socket.readyState !== WebSocket.OPEN) await open();
    return new Promise((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        socket.off('close', onClose);
        resolve({ reply: JSON.parse(data.toString()) as Record<string, unknown> });
      };
      const onClose = (code: number) => {
        closes++;
        socket.off('message', onMessage);
        resolve({ closed: code });
      };
      socket.once('message', onMessage);
      socket.once('close', onClose);
      socket.send(frame, { binary });
    });
  }
  return { open, send, close: () => socket.close(), closes: () => closes };
}

beforeAll(async () => {
  dataDir = seededDataDir('desk-fuzz-');
  desk = await startDeskProcess(dataDir, { simulator: { enabled: false, intervalSeconds: 0 } });
});

afterAll(async () => {
  await desk?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`JSON bridge fuzz (seed ${seed})`, () => {
  it('generates the same bodies from the same seed', () => {
    expect(generateFuzzCases(seed, 200)).toEqual(generateFuzzCases(seed, 200));
  });

  it('generates valid cases that are call events, and mutations that are not', () => {
    for (const c of generateFuzzCases(seed, CASES)) {
      const text = typeof c.body === 'string' ? c.body : new TextDecoder().decode(c.body);
      let parsed: { success: boolean };
      try {
        parsed = CallEventSchema.safeParse(JSON.parse(text));
      } catch {
        parsed = { success: false };
      }
      // A wrong content type carries a well-formed event: the type alone must get it refused.
      expect(parsed.success, `case ${c.n} (${c.mutation})`).toBe(c.valid || c.mutation === 'wrongContentType');
    }
  });

  it('survives 5,000 generated bodies over HTTP and WebSocket: alive, its memory bounded, a card only for a valid call event', { timeout: 120_000 }, async () => {
    const cases = generateFuzzCases(seed, CASES);
    const startRss = rssBytes(desk.pid);
    const socket = bridgeSocket(`${desk.bridgeUrl.replace('http', 'ws')}${CALL_EVENTS_SOCKET_PATH}`);
    await socket.open();
    const wrong: string[] = [];
    const report = (c: FuzzCase, what: string) => wrong.push(`case ${c.n} (${c.via}, ${c.mutation}, ${c.valid ? 'valid' : 'invalid'}): ${what}`);

    for (const c of cases) {
      if (c.via === 'http') {
        const body = typeof c.body === 'string' ? new TextEncoder().encode(c.body) : c.body;
        const response = await fetch(`${desk.bridgeUrl}${CALL_EVENTS_PATH}`, { method: 'POST', headers: c.contentType ? { 'content-type': c.contentType } : {}, body });
        await response.arrayBuffer();
        if (!expectedStatuses(c).includes(response.status)) report(c, `HTTP ${response.status}`);
      } else {
        const outcome = await socket.send(c.body, c.contentType === 'binary');
        if ('closed' in outcome) {
          // Only a frame over the bridge's size limit may cost the connection (1009: message too big).
          if (c.valid || outcome.closed !== 1009) report(c, `socket closed with ${outcome.closed}`);
        } else if (c.valid ? outcome.reply.accepted !== true : typeof outcome.reply.error !== 'string') {
          report(c, `reply ${JSON.stringify(outcome.reply).slice(0, 200)}`);
        }
      }
    }
    socket.close();
    expect(wrong.slice(0, 10), `seed ${seed}: ${wrong.length} cases answered wrongly`).toEqual([]);

    expect((await fetch(`${desk.bridgeUrl}/v1/health`)).status).toBe(200);
    const growth = rssBytes(desk.pid) - startRss;
    console.log(`json bridge fuzz: RSS ${(startRss / 2 ** 20).toFixed(1)} MiB before, grew by ${(growth / 2 ** 20).toFixed(1)} MiB, ${socket.closes()} sockets closed for oversized frames`);
    expect(growth, `seed ${seed}: RSS grew by ${(growth / 2 ** 20).toFixed(1)} MiB`).toBeLessThan(RSS_GROWTH_LIMIT_BYTES);

    const client = await openDeskSocket(desk.url, { secret: await readSocketSecret(desk.url) });
    try {
      const state = (await client.request('getDeskState')).output as { cards: { callId: string }[] };
      const log = (await client.request('listCallLog', { limit: 500 })).output as { callId: string }[];
      const ids = [...state.cards, ...log].map((row) => row.callId);
      expect(ids.length, 'the valid events popped cards or made call-log rows').toBeGreaterThan(0);
      expect(ids.filter((id) => !VALID_CALL_ID.test(id.replace(/^.*?(?=fuzz-)/, ''))), `seed ${seed}`).toEqual([]);
    } finally {
      client.ws.close();
    }
  });
});
