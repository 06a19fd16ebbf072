import { createSocket } from 'node:dgram';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../../electron/services/log.js';
import type { TelephonyAdapter } from '../../../../../../electron/services/telephony/adapter.js';
import { createSipAdapter } from '../../../../../../electron/services/telephony/sip/sip-adapter.js';
import type { CallEvent } from '../../../../../../shared/call.js';
import { freePort } from '../../../../../support/desk-process.js';
import { runSipp } from '../../../../../support/sipp.js';

/** Torture messages written after RFC 4475's categories: tests/sip/torture/{valid,invalid}/*.sip. */
const DIR = 'tests/sip/torture';
const messages = (kind: 'valid' | 'invalid') => readdirSync(join(DIR, kind)).map((file) => [file.replace(/\.sip$/, ''), readFileSync(join(DIR, kind, file))] as const);

let port: number;
let adapter: TelephonyAdapter;
const events: CallEvent[] = [];

beforeAll(async () => {
  port = await freePort();
  adapter = createSipAdapter({ host: '127.0.0.1', port, transports: ['udp', 'tcp'], user: 'desk', log: silentLogger });
  await adapter.start((e) => events.push(e));
});
afterAll(() => adapter.stop());

const callIdOf = (data: Buffer) => /^(?:Call-ID|i)\s*:\s*(\S+)/im.exec(data.toString('latin1'))?.[1];

/**
 * Sends one datagram and collects the statuses answered to it within a moment. All the
 * messages name port 5999 in their Via, so only responses with this message's Call-ID
 * count: a final 4xx to an earlier INVITE is retransmitted there until it is ACKed.
 */
async function overUdp(data: Buffer): Promise<number[]> {
  const socket = createSocket('udp4');
  const statuses: number[] = [];
  const callId = callIdOf(data);
  socket.on('message', (m) => {
    const text = m.toString('latin1');
    if (callId === undefined || callIdOf(m) !== callId) return;
    statuses.push(Number(/^SIP\/2\.0 (\d{3})/.exec(text)?.[1] ?? 0));
  });
  await new Promise<void>((r) => socket.bind(5999, '127.0.0.1', () => r()));
  await new Promise<void>((r) => socket.send(data, port, '127.0.0.1', () => r()));
  await new Promise((r) => setTimeout(r, 250));
  socket.close();
  return statuses;
}

async function overTcp(data: Buffer): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((r) => socket.once('connect', () => r()));
  socket.write(data);
  await new Promise((r) => setTimeout(r, 150));
  socket.destroy();
}

describe('SIP torture messages', () => {
  it.each(messages('valid'))('takes the valid "%s" without a crash', async (name, data) => {
    const statuses = await overUdp(data);
    const callId = callIdOf(data)!;
    if (name === 'unknown-method') {
      expect(statuses).toEqual([405]);
      return;
    }
    expect(statuses).toEqual([100, 180]);
    expect(events.filter((e) => e.callId === callId).map((e) => e.state)).toEqual(['ringing']);
  });

  it.each(messages('invalid'))('refuses or drops the invalid "%s", and pops nothing', async (_name, data) => {
    const before = events.length;
    const statuses = await overUdp(data);
    await overTcp(data);
    expect(statuses.length).toBeLessThanOrEqual(1);
    expect(statuses.every((s) => s >= 400 && s < 600), `answered ${statuses.join(', ')}`).toBe(true);
    expect(events.length).toBe(before);
  });

  it('still answers, and still rings, after all of them', async () => {
    for (const [, data] of messages('invalid')) await overTcp(data);
    const sipp = runSipp({ scenario: 'options-ping', target: { host: '127.0.0.1', port }, localPort: await freePort() });
    const result = await sipp.done;
    expect(result.code, result.errors).toBe(0);
  });
});
