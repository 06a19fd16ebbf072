/**
 * The desk's SIP endpoint started in the test's process on a free loopback port, with
 * the events it emits and the lines it logs, stopped by the caller's cleanup list.
 */
import { expect } from 'vitest';
import type { TelephonyAdapter } from '../../electron/services/telephony/adapter.js';
import { createSipAdapter, type SipAdapterOptions } from '../../electron/services/telephony/sip/sip-adapter.js';
import type { CallEvent } from '../../shared/call.js';
import { freePort } from '../support/desk-process.js';
import { runSipp } from '../support/sipp.js';
import { capturingLogger } from './raw-peer.js';

export interface Endpoint {
  port: number;
  events: CallEvent[];
  adapter: TelephonyAdapter;
  /** The `msg` of every line logged so far. */
  messages(): string[];
  lines: string[];
}

export async function startEndpoint(cleanups: (() => Promise<void> | void)[], options: Partial<SipAdapterOptions> = {}): Promise<Endpoint> {
  const port = await freePort();
  const events: CallEvent[] = [];
  const { log, lines, messages } = capturingLogger();
  const adapter = createSipAdapter({ host: '127.0.0.1', port, transports: ['udp', 'tcp'], user: 'desk', log, ...options });
  await adapter.start((e) => events.push(e));
  cleanups.push(() => adapter.stop());
  return { port, events, adapter, messages, lines };
}

/** The keys of tests/sip/ring-then-cancel.xml: a caller in From, nothing else under test. */
export const RING = {
  from_header: '"Ivan Ivanov" <sip:+359888123456@pbx.test>',
  caller_header: 'X-Desk-Test: caller-in-from',
  extra_header: 'X-Desk-Test: nothing-extra',
  cancel_reason: 'X-Desk-Test: no-reason',
};

/** sipp as the PBX: INVITE, 180, CANCEL, 487, ACK; fails the test unless every step went so. */
export async function ringThenCancel(cleanups: (() => Promise<void> | void)[], port: number, keys: Partial<typeof RING> = {}, transport: 'u1' | 't1' = 'u1'): Promise<void> {
  const sipp = runSipp({ scenario: 'ring-then-cancel', target: { host: '127.0.0.1', port }, localPort: await freePort(), transport, keys: { ...RING, ...keys } });
  cleanups.push(sipp.kill);
  const result = await sipp.done;
  expect(result.code, result.errors).toBe(0);
}
