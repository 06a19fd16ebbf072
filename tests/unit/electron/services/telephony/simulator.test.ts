import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../../electron/services/log.js';
import { createSimulator } from '../../../../../electron/services/telephony/simulator.js';
import type { CallEvent } from '../../../../../shared/call.js';

let events: CallEvent[];
beforeEach(() => {
  vi.useFakeTimers();
  events = [];
});
afterEach(() => vi.useRealTimers());

function simulator(options: { intervalMs?: number; random?: () => number } = {}) {
  return createSimulator({
    pickCaller: (scenario) => (scenario === 'withheld' ? { remote: 'anonymous' } : { remote: '0888123456', remoteName: 'Ivan' }),
    intervalMs: options.intervalMs ?? 0,
    timings: { ringMs: 1_000, talkMs: 5_000, missedShare: 0.5 },
    log: silentLogger,
    ...(options.random ? { random: options.random } : {}),
  });
}

describe('call simulator', () => {
  it('plays an answered call: ringing, answered, ended, under one call id', async () => {
    const sim = simulator({ random: () => 0.9 });
    await sim.start((e) => events.push(e));
    const callId = sim.ring('known');
    expect(events.map((e) => e.state)).toEqual(['ringing']);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(events.map((e) => [e.callId, e.state])).toEqual([[callId, 'ringing'], [callId, 'answered'], [callId, 'ended']]);
    expect(events[0]).toMatchObject({ remote: '0888123456', remoteName: 'Ivan', direction: 'inbound' });
  });

  it('plays a missed call', async () => {
    const sim = simulator({ random: () => 0.1 });
    await sim.start((e) => events.push(e));
    sim.ring('withheld');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(events.map((e) => [e.state, e.remote])).toEqual([['ringing', 'anonymous'], ['missed', 'anonymous']]);
  });

  it('rings on its own timer in demo mode, and stops for good', async () => {
    const sim = simulator({ intervalMs: 2_000, random: () => 0.9 });
    await sim.start((e) => events.push(e));
    await vi.advanceTimersByTimeAsync(4_500);
    expect(events.filter((e) => e.state === 'ringing')).toHaveLength(2);
    await sim.stop();
    const before = events.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toHaveLength(before);
  });

  it('refuses a caller out of the call event’s bounds, with a log line and no event', async () => {
    const lines: string[] = [];
    const sim = createSimulator({
      pickCaller: () => ({ remote: '0888123456', remoteName: 'I'.repeat(3_000) }),
      intervalMs: 0,
      log: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }),
    });
    await sim.start((e) => events.push(e));
    expect(() => sim.ring('known')).toThrow(/remoteName/);
    expect(events).toEqual([]);
    expect(lines.join('')).toMatch(/simulated call refused: its call details are out of bounds/);
  });

  it('refuses to ring before it starts', () => {
    expect(() => simulator().ring('known')).toThrow(/not running/);
  });
});
