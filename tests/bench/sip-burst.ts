/**
 * A burst of SIP calls from sipp into the desk on loopback: every call must pop exactly
 * one card and leave exactly one call-log row. The callers are real customers of the
 * benchmark store. sipp times INVITE → 180; the desk emits the PopCard before it sends
 * the 180, so that round trip bounds "INVITE on the socket → PopCard emitted".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { parseDeskConfig } from '../../electron/services/config/desk-config.js';
import { createDesk } from '../../electron/services/desk/desk.js';
import { samplePhones } from '../../electron/services/demo/sample-phones.js';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { createSipAdapter } from '../../electron/services/telephony/sip/sip-adapter.js';
import { freePort } from '../support/desk-process.js';
import { runSipp } from '../support/sipp.js';
import { percentile } from './stats.js';

export interface SipBurst {
  callsOffered: number;
  /** 0 when sipp saw every call go as its scenario says (180, then 200 and 487 to the CANCEL). */
  sippExitCode: number | null;
  popped: number;
  lost: number;
  duplicatePops: number;
  callLogRows: number;
  /** sipp's response times, which it records in whole milliseconds. */
  inviteTo180: { p50Ms: number; p99Ms: number; maxMs: number };
  peakRssMiB: number;
}

export async function benchSipBurst(storeFile: string, ratePerSecond: number, seconds: number): Promise<SipBurst> {
  const calls = ratePerSecond * seconds;
  const dir = mkdtempSync(join(tmpdir(), 'sip-burst-'));
  const store = openDeskStore(storeFile);
  const before = store.listCallLog(1)[0]?.endedAt ?? '';
  try {
    const phones = samplePhones(store, 'single', calls);
    const injection = join(dir, 'callers.csv');
    writeFileSync(injection, `SEQUENTIAL\n${phones.map((p) => `${p};`).join('\n')}\n`);

    const desk = createDesk({ config: parseDeskConfig({ region: 'BG' }, 'bench'), store, log: pino({ level: 'silent' }) });
    const ringingPops = new Map<string, number>();
    desk.subscribe((event) => {
      if (event.name === 'pop' && event.payload.state === 'ringing') ringingPops.set(event.payload.callId, (ringingPops.get(event.payload.callId) ?? 0) + 1);
    });
    const port = await freePort();
    const sip = createSipAdapter({ host: '127.0.0.1', port, transports: ['udp'], user: 'desk', log: pino({ level: 'silent' }) });
    await sip.start((event) => desk.onCallEvent(event, sip.name));

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const sipp = runSipp({
      scenario: 'burst-ring-cancel',
      target: { host: '127.0.0.1', port },
      localPort: await freePort(),
      calls,
      timeoutSeconds: seconds + 30,
      extraArgs: ['-r', String(ratePerSecond), '-l', String(ratePerSecond * 2), '-inf', injection, '-trace_rtt', '-rtt_freq', '1'],
    });
    const result = await sipp.done;
    clearInterval(sampler);
    await sip.stop();

    const rttFile = Object.entries(result.files).find(([name]) => name.endsWith('_rtt.csv'))?.[1] ?? '';
    const rtts = rttFile
      .split('\n')
      .slice(1)
      .map((line) => Number(line.split(';')[1]))
      .filter((ms) => Number.isFinite(ms));
    const duplicatePops = [...ringingPops.values()].filter((n) => n > 1).length;
    const callLogRows = store.listCallLog(calls * 2).filter((e) => e.endedAt > before).length;
    return {
      callsOffered: calls,
      sippExitCode: result.code,
      popped: ringingPops.size,
      lost: calls - ringingPops.size,
      duplicatePops,
      callLogRows,
      inviteTo180: { p50Ms: percentile(rtts, 50), p99Ms: percentile(rtts, 99), maxMs: Math.max(...rtts) },
      peakRssMiB: Math.round(peakRss / 2 ** 20),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
