/**
 * The fuzz pass: a real desk (`npm run serve`'s entry point, bridge.sip on) takes 5,000
 * generated SIP messages over UDP and TCP (tests/sip/sip-fuzz-cases.ts), then must be
 * alive, answer OPTIONS, hold its memory, and have popped exactly the valid INVITEs.
 * The seed is printed; SIP_FUZZ_SEED=<seed> replays a run byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type DeskProcess, freePort, startDeskProcess } from '../support/desk-process.js';
import { openDeskSocket, readSocketSecret } from '../support/desk-socket-client.js';
import { runSipp } from '../support/sipp.js';
import { until } from '../support/until.js';
import { type FuzzCase, generateCases } from '../sip/sip-fuzz-cases.js';
import { sipRequest, tcpPeer, type TcpPeer, udpPeer, type UdpPeer } from '../sip/raw-peer.js';

const MESSAGES = 5_000;
const SEED = Number(process.env.SIP_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Cases sent before each barrier; under the desk's messages-per-read bound on TCP. */
const CHUNK = 50;
/** Datagram bytes in flight before a barrier: well inside a loopback socket's receive buffer. */
const UDP_BATCH_BYTES = 96 * 1024;
/** Connections of their own (for cases that break TCP framing) open at once: under the desk's connection bound. */
const OWN_CONNECTIONS_AT_ONCE = 8;
const RSS_GROWTH_LIMIT_MIB = 64;

let dataDir: string;
let desk: DeskProcess;
let sipPort: number;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-sip-fuzz-'));
  sipPort = await freePort();
  desk = await startDeskProcess(dataDir, {
    simulator: { enabled: false, intervalSeconds: 0 },
    bridge: { json: { enabled: false }, sip: { enabled: true, host: '127.0.0.1', port: sipPort, transports: ['udp', 'tcp'] } },
  });
});

test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function rssMiB(pid: number): number {
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kib / 1024;
}

/** The desk's own socket, opened as the served page opens it: the Call-IDs its pops showed ringing, and missed. */
async function watchPops(deskUrl: string): Promise<{ ringing: Set<string>; missed: Set<string>; close(): void }> {
  const seen = { ringing: new Set<string>(), missed: new Set<string>() };
  const { ws } = await openDeskSocket(deskUrl, { secret: await readSocketSecret(deskUrl) });
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; name?: string; payload?: { callId: string; state: string } };
    if (frame.type !== 'event' || frame.name !== 'pop' || !frame.payload) return;
    if (frame.payload.state === 'ringing' || frame.payload.state === 'missed') seen[frame.payload.state].add(frame.payload.callId);
  });
  return { ...seen, close: () => ws.close() };
}

/** An OPTIONS whose 200 comes back after everything sent before it on that flow was handled. */
async function barrier(send: (bytes: string) => void, peer: { waitFor(status: number, callId?: string, ms?: number): Promise<unknown> }, id: string, sentBy: string, transport: 'UDP' | 'TCP'): Promise<void> {
  send(sipRequest({ method: 'OPTIONS', callId: id, sentBy, transport, uri: `sip:1001@127.0.0.1:${sipPort}` }));
  await peer.waitFor(200, id, 10_000);
}

/** A case that breaks TCP framing goes on a connection of its own, closed from our side once written. */
async function onItsOwnConnection(item: FuzzCase): Promise<void> {
  const socket: Socket = connect(sipPort, '127.0.0.1');
  socket.on('error', () => undefined);
  // Whatever the desk answers is read and dropped: an unread socket never sees the desk's close.
  socket.resume();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.once('connect', () => socket.end(item.bytes));
  await closed;
}

async function inParallel<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: width }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
  }));
}

test('a desk takes 5,000 generated SIP messages over UDP and TCP, stays up, holds its memory and pops only valid INVITEs', async () => {
  console.log(`SIP fuzz seed ${SEED} (replay: SIP_FUZZ_SEED=${SEED})`);
  const pops = await watchPops(desk.url);
  const udp: UdpPeer = await udpPeer();
  const tcp: TcpPeer = await tcpPeer(sipPort);
  const sentBy = { udp: `127.0.0.1:${udp.port}`, tcp: `127.0.0.1:${tcp.socket.localPort}` };
  const sendUdp = (bytes: string | Buffer) => void udp.send(bytes, sipPort);
  const sendTcp = (bytes: string | Buffer) => void tcp.socket.write(bytes);
  try {
    // Warm up the paths the pass uses, then take the memory it starts from.
    await barrier(sendUdp, udp, 'fz-warm-udp', sentBy.udp, 'UDP');
    await barrier(sendTcp, tcp, 'fz-warm-tcp', sentBy.tcp, 'TCP');
    const rssBefore = rssMiB(desk.pid);

    const cases = generateCases(SEED, MESSAGES);
    const started = Date.now();
    for (let at = 0; at < cases.length; at += CHUNK) {
      const chunk = cases.slice(at, at + CHUNK);
      const overUdp = chunk.filter((c) => c.transport === 'udp');
      let inFlight = 0;
      for (const item of overUdp) {
        if (inFlight + item.bytes.length > UDP_BATCH_BYTES) {
          await barrier(sendUdp, udp, `fz-barrier-udp-${at}-${item.index}`, sentBy.udp, 'UDP');
          inFlight = 0;
        }
        await udp.send(item.bytes, sipPort);
        inFlight += item.bytes.length;
      }
      for (const item of chunk.filter((c) => c.transport === 'tcp' && c.keepsFraming)) sendTcp(item.bytes);
      await Promise.all([
        barrier(sendUdp, udp, `fz-barrier-udp-${at}`, sentBy.udp, 'UDP'),
        barrier(sendTcp, tcp, `fz-barrier-tcp-${at}`, sentBy.tcp, 'TCP'),
        inParallel(chunk.filter((c) => c.transport === 'tcp' && !c.keepsFraming), OWN_CONNECTIONS_AT_ONCE, onItsOwnConnection),
      ]).catch((err: Error) => {
        throw new Error(`seed ${SEED}, cases ${at}–${at + chunk.length - 1} (${chunk.map((c) => `${c.index} ${c.transport} ${c.shape}`).join('; ')}): ${err.message}`);
      });
      // Each valid call is cancelled as a PBX would when the agent's phone answers, and the 487 ACKed: the desk holds no call for long.
      const ringing = chunk.filter((c) => c.valid);
      for (const item of ringing) (item.transport === 'udp' ? sendUdp : sendTcp)(item.end!.cancel);
      await Promise.all([barrier(sendUdp, udp, `fz-cancelled-udp-${at}`, sentBy.udp, 'UDP'), barrier(sendTcp, tcp, `fz-cancelled-tcp-${at}`, sentBy.tcp, 'TCP')]);
      for (const item of ringing) {
        const terminated = await (item.transport === 'udp' ? udp : tcp).waitFor(487, item.callId, 2_000).catch(() => undefined);
        const toTag = terminated && /^(?:To|t)\s*:.*;tag=([^;\s]+)/im.exec(terminated.text)?.[1];
        expect(toTag, `seed ${SEED}: no 487 to the CANCEL of case ${item.index} ${item.transport} ${item.shape}`).toBeDefined();
        (item.transport === 'udp' ? sendUdp : sendTcp)(item.end!.ack(toTag!));
      }
      expect(tcp.isClosed(), `seed ${SEED}: the desk dropped the shared TCP connection in cases ${at}–${at + chunk.length - 1}`).toBe(false);
    }
    console.log(`SIP fuzz: ${cases.length} messages in ${Date.now() - started} ms`);

    const valid = cases.filter((c) => c.valid).map((c) => c.callId);
    await until(() => valid.every((id) => pops.missed.has(id)), 'a missed pop for every valid INVITE', 10_000).catch(() => undefined);
    const missing = cases.filter((c) => c.valid && !(pops.ringing.has(c.callId) && pops.missed.has(c.callId)));
    expect(missing.map((c) => `${c.index} ${c.transport} ${c.shape}`), `seed ${SEED}: valid INVITEs that did not pop, or whose CANCEL did not end them`).toEqual([]);
    // A mutated Call-ID still starts with its case's name, unless random bytes hit that very part.
    const caseOf = (callId: string) => cases[Number(/^fz-(?:ok|bad)-\d+-(\d+)@/.exec(callId)?.[1] ?? -1)];
    const wrong = [...pops.ringing].filter((id) => !(caseOf(id)?.valid && caseOf(id)?.callId === id));
    expect(wrong.map((id) => `${id.slice(0, 60)}: ${caseOf(id)?.shape ?? 'Call-ID not recognised'}`), `seed ${SEED}: pops for messages that are not valid INVITEs`).toEqual([]);

    // Alive, still a SIP endpoint for a real peer on both transports, and no bigger than it should be.
    process.kill(desk.pid, 0);
    for (const transport of ['u1', 't1'] as const) {
      const sipp = runSipp({ scenario: 'options-ping', target: { host: '127.0.0.1', port: sipPort }, localPort: await freePort(), transport });
      const result = await sipp.done;
      expect(result.code, `seed ${SEED}: OPTIONS over ${transport} after the pass\n${result.errors}`).toBe(0);
    }
    const rssAfter = rssMiB(desk.pid);
    console.log(`SIP fuzz: desk RSS ${rssBefore.toFixed(1)} → ${rssAfter.toFixed(1)} MiB`);
    expect(rssAfter - rssBefore, `seed ${SEED}: RSS grew from ${rssBefore.toFixed(1)} to ${rssAfter.toFixed(1)} MiB`).toBeLessThan(RSS_GROWTH_LIMIT_MIB);
  } finally {
    pops.close();
    udp.close();
    tcp.socket.destroy();
  }
});
