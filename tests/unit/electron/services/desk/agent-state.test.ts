import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAgentState } from '../../../../../electron/services/desk/agent-state.js';
import type { AgentStateReport } from '../../../../../shared/board.js';
import type { PopCard } from '../../../../../shared/call.js';
import type { DeskAgentState } from '../../../../../shared/desk-api.js';
import { ivan } from '../../../../fixtures/desk-customers.js';

const card = (state: PopCard['state']): PopCard => ({
  callId: 'c1',
  state,
  direction: 'inbound',
  remote: { raw: '0888123456' },
  phone: { kind: 'e164', raw: '0888123456', e164: '+359888123456', nationalNumber: '888123456', country: 'BG' },
  queue: 'support',
  match: 'exact',
  candidates: [{ ...ivan, purchases: [], tickets: [], interactions: [], matchedPhone: '+359888123456' }],
  startedAt: '2026-11-24T09:00:00.000Z',
  answeredAt: null,
  endedAt: null,
});

let reports: AgentStateReport[];
let states: DeskAgentState[];
const machine = (wrapUpSeconds = 30) =>
  createAgentState({ wrapUpSeconds, now: () => new Date(), onChange: (state, report) => (states.push(state), reports.push(report)) });

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-24T09:00:00Z') });
  reports = [];
  states = [];
});
afterEach(() => vi.useRealTimers());

describe('the agent’s state', () => {
  it('rings, takes the call, wraps up for the configured time, then is available again', () => {
    const agent = machine(30);
    agent.onCard(card('ringing'), undefined);
    agent.onCard(card('answered'), card('ringing'));
    agent.onCard(card('ended'), card('answered'));
    expect(agent.current()).toMatchObject({ state: 'wrap_up', wrapUpEndsAt: '2026-11-24T09:00:30.000Z' });
    vi.advanceTimersByTime(30_000);
    expect(reports.map((r) => r.state)).toEqual(['ringing', 'on_call', 'wrap_up', 'available']);
    expect(reports[1]!.call).toEqual({ customer: 'Иван Иванов', queue: 'support' });
    expect(reports[3]!.call).toBeUndefined();
  });

  it('ends wrap-up early when the agent says so', () => {
    const agent = machine(30);
    agent.onCard(card('answered'), undefined);
    agent.onCard(card('ended'), card('answered'));
    agent.set('available', null);
    vi.advanceTimersByTime(30_000);
    expect(states.map((s) => s.state)).toEqual(['on_call', 'wrap_up', 'available']);
  });

  it('goes back to the break it was on when a call rings out unanswered', () => {
    const agent = machine();
    agent.set('break', 'lunch');
    agent.onCard(card('ringing'), undefined);
    agent.onCard(card('missed'), card('ringing'));
    expect(agent.current()).toMatchObject({ state: 'break', breakReason: 'lunch' });
    expect(reports.at(-1)).toMatchObject({ state: 'break', breakReason: 'lunch' });
  });

  it('keeps a call’s state when a break is chosen during it, and takes the break after', () => {
    const agent = machine(0);
    agent.onCard(card('answered'), undefined);
    agent.set('break', 'coffee');
    expect(agent.current().state).toBe('on_call');
    agent.onCard(card('ended'), card('answered'));
    expect(agent.current()).toMatchObject({ state: 'break', breakReason: 'coffee' });
  });

  it('goes offline when the desk closes, even in the middle of a wrap-up', () => {
    const agent = machine(30);
    agent.onCard(card('answered'), undefined);
    agent.onCard(card('ended'), card('answered'));
    agent.stop();
    vi.advanceTimersByTime(30_000);
    expect(reports.map((r) => r.state)).toEqual(['on_call', 'wrap_up', 'offline']);
  });
});
