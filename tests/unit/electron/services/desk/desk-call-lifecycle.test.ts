import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CallEventInput, CallEventSchema } from '../../../../../shared/call.js';
import type { DeskEvent } from '../../../../../shared/desk-api.js';
import { parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { createDesk, type Desk } from '../../../../../electron/services/desk/desk.js';
import { silentLogger } from '../../../../../electron/services/log.js';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { deskCustomers, testCustomer } from '../../../../fixtures/desk-customers.js';

let dir: string;
let store: DeskStore;
let desk: Desk;
let events: DeskEvent[];

const ring = (e: CallEventInput, source = 'json-bridge') => desk.onCallEvent(CallEventSchema.parse(e), source);
const pops = () => events.flatMap((e) => (e.name === 'pop' ? [e.payload] : []));
const openCards = async () => (await desk.handlers.getDeskState({})).cards;

function openDesk(config: Record<string, unknown> = {}): void {
  desk?.stop();
  desk = createDesk({ config: parseDeskConfig({ region: 'BG', ...config }, 'test'), store, log: silentLogger });
  events = [];
  desk.subscribe((e) => events.push(e));
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-24T09:00:00Z') });
  dir = mkdtempSync(join(tmpdir(), 'desk-calls-'));
  store = openDeskStore(join(dir, 'desk.sqlite'));
  store.insertBatch({
    ...deskCustomers,
    customers: [...deskCustomers.customers, { customer: testCustomer('2001', 'Sofia', 'Ticketova'), phones: [{ e164: '+35920080272', label: 'work' }] }],
  });
  openDesk();
});

afterEach(() => {
  desk.stop();
  vi.useRealTimers();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a call’s states only move forward', () => {
  it('logs a call answered here and then reported taken elsewhere as ended, answered by this agent', () => {
    ring({ callId: 'fw-1', state: 'ringing', remote: '+359888123456' });
    ring({ callId: 'fw-1', state: 'answered', remote: '+359888123456' });
    ring({ callId: 'fw-1', state: 'answered_elsewhere', remote: '+359888123456' });
    expect(pops().map((c) => c.state)).toEqual(['ringing', 'answered', 'ended']);
    expect(store.listCallLog(10)).toMatchObject([{ callId: 'fw-1', outcome: 'ended', answeredAt: expect.any(String) }]);
  });

  it('never logs a call answered here as missed', () => {
    ring({ callId: 'fw-2', state: 'ringing', remote: '+359888123456' });
    ring({ callId: 'fw-2', state: 'answered', remote: '+359888123456' });
    ring({ callId: 'fw-2', state: 'missed', remote: '+359888123456' });
    expect(store.listCallLog(10)).toMatchObject([{ callId: 'fw-2', outcome: 'ended' }]);
  });

  it('never logs an end before the start, whatever time the bridge puts on it', () => {
    ring({ callId: 'fw-3', state: 'ringing', remote: '+359888123456', at: '2026-11-24T09:00:00Z' });
    ring({ callId: 'fw-3', state: 'answered', remote: '+359888123456', at: '2026-11-24T08:59:00Z' });
    ring({ callId: 'fw-3', state: 'ended', remote: '+359888123456', at: '2026-11-24T08:58:00Z' });
    const [entry] = store.listCallLog(10);
    expect(Date.parse(entry!.answeredAt!)).toBeGreaterThanOrEqual(Date.parse(entry!.startedAt));
    expect(Date.parse(entry!.endedAt)).toBeGreaterThanOrEqual(Date.parse(entry!.answeredAt!));
  });

  it('compares times by the instant they name, not by how they are written', () => {
    ring({ callId: 'fw-4', state: 'ringing', remote: '+359888123456', at: '2026-11-24T11:00:00+02:00' });
    ring({ callId: 'fw-4', state: 'ended', remote: '+359888123456', at: '2026-11-24T09:05:00Z' });
    expect(store.listCallLog(10)).toMatchObject([{ callId: 'fw-4', endedAt: '2026-11-24T09:05:00Z' }]);
  });
});

describe('calls that never end', () => {
  it('misses a ringing call that hears nothing for the ring time-out, five minutes by default', async () => {
    ring({ callId: 'lost-1', state: 'ringing', remote: '+359888123456' });
    vi.advanceTimersByTime(299_000);
    expect((await openCards()).map((c) => c.state)).toEqual(['ringing']);
    vi.advanceTimersByTime(1_000);
    expect((await openCards()).map((c) => c.state)).toEqual(['missed']);
    expect(store.listCallLog(10)).toMatchObject([{ callId: 'lost-1', outcome: 'missed', customerId: '1001' }]);
  });

  it('waits the ring time-out again after each event of the call, as configured', async () => {
    openDesk({ calls: { ringTimeoutSeconds: 60 } });
    ring({ callId: 'lost-2', state: 'ringing', remote: '+359888123456' });
    vi.advanceTimersByTime(50_000);
    ring({ callId: 'lost-2', state: 'ringing', remote: '+359888123456' });
    vi.advanceTimersByTime(50_000);
    expect((await openCards()).map((c) => c.state)).toEqual(['ringing']);
    vi.advanceTimersByTime(10_000);
    expect(store.listCallLog(10)).toMatchObject([{ callId: 'lost-2', outcome: 'missed' }]);
  });

  it('does not time out a call that was answered', async () => {
    ring({ callId: 'talk-1', state: 'ringing', remote: '+359888123456' });
    ring({ callId: 'talk-1', state: 'answered', remote: '+359888123456' });
    vi.advanceTimersByTime(3_600_000);
    expect((await openCards()).map((c) => c.state)).toEqual(['answered']);
    expect(store.listCallLog(10)).toEqual([]);
  });

  it('bounds the live calls: the oldest unanswered one goes to the call log as missed', async () => {
    openDesk({ calls: { maxLiveCalls: 3 } });
    ring({ callId: 'b-1', state: 'ringing', remote: '+359888123456' });
    ring({ callId: 'b-1', state: 'answered', remote: '+359888123456' });
    for (const n of [2, 3, 4]) ring({ callId: `b-${n}`, state: 'ringing', remote: '+48600123456' });
    const live = (await openCards()).filter((c) => c.endedAt === null);
    expect(live.map((c) => c.callId)).toEqual(['b-1', 'b-3', 'b-4']);
    expect(store.listCallLog(10)).toMatchObject([{ callId: 'b-2', outcome: 'missed', customerId: '1002' }]);
  });

  it('ringing events that never end leave a bounded desk state, every one let go of in the call log', async () => {
    for (let n = 0; n < 1_000; n++) ring({ callId: `flood-${n}`, state: 'ringing', remote: '+359888123456' });
    const state = await desk.handlers.getDeskState({});
    const limits = parseDeskConfig({}, 'test').calls;
    expect(state.cards.filter((c) => c.endedAt === null)).toHaveLength(limits.maxLiveCalls);
    expect(state.cards.length).toBeLessThanOrEqual(limits.maxLiveCalls + 20);
    expect(store.listCallLog(2_000)).toHaveLength(1_000 - limits.maxLiveCalls);
  });
});

describe('a remote that is not a phone number', () => {
  it.each(['ticket 20080272', 'Order #020080272', 'acct:020080272', 'sip:ticket-020080272@pbx.example'])(
    'pops %j as invalid with its raw text, matching nobody',
    (remote) => {
      ring({ callId: 'text-1', state: 'ringing', remote });
      expect(pops()).toMatchObject([{ match: 'invalid', candidates: [], remote: { raw: remote }, phone: { kind: 'invalid', reason: 'not-a-number' } }]);
    },
  );

  it('still pops the customer for the same number written as one', () => {
    ring({ callId: 'text-2', state: 'ringing', remote: '02 008 0272' });
    expect(pops()).toMatchObject([{ match: 'exact', candidates: [{ customer: { id: '2001' } }] }]);
  });
});
