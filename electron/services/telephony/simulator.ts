/**
 * The built-in call simulator: a demo desk (and a developer) gets calls without a
 * PBX. Each simulated call lives like a real one, ringing then answered and ended or
 * missed, and goes through the same sink, normaliser and store as a real call.
 */
import { randomUUID } from 'node:crypto';
import type { CallEvent, CallState } from '../../../shared/call.js';
import type { SimulatedScenario } from '../../../shared/desk-api.js';
import type { SimulatedCaller } from '../desk/simulated-callers.js';
import type { Logger } from '../log.js';
import { callEventProblem, type CallEventSink, type TelephonyAdapter } from './adapter.js';

export interface SimulatorTimings {
  /** How long a call rings before it is answered or missed. */
  ringMs: number;
  /** How long an answered call lasts. */
  talkMs: number;
  /** The share of calls nobody answers. */
  missedShare: number;
}

const DEFAULT_TIMINGS: SimulatorTimings = { ringMs: 6_000, talkMs: 45_000, missedShare: 0.2 };

/** Demo mode rings mostly customers the store knows, as a real line would. */
const TIMER_SCENARIOS: SimulatedScenario[] = ['known', 'known', 'known', 'known', 'several', 'probable', 'unknown', 'withheld'];

export interface SimulatorOptions {
  pickCaller(scenario: SimulatedScenario): SimulatedCaller;
  /** A random call every so often; 0 rings only when asked. */
  intervalMs: number;
  timings?: Partial<SimulatorTimings>;
  log: Logger;
  random?: () => number;
}

export type Simulator = TelephonyAdapter & { ring(scenario: SimulatedScenario): string };

export function createSimulator({ pickCaller, intervalMs, timings, log, random = Math.random }: SimulatorOptions): Simulator {
  const { ringMs, talkMs, missedShare } = { ...DEFAULT_TIMINGS, ...timings };
  const timers = new Set<NodeJS.Timeout>();
  let sink: CallEventSink | null = null;
  let ticker: NodeJS.Timeout | null = null;

  function later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  }

  function ring(scenario: SimulatedScenario): string {
    if (!sink) throw new Error('the simulator is not running: start it before ringing');
    const caller = pickCaller(scenario);
    const callId = `sim-${randomUUID()}`;
    const event = (state: CallState): CallEvent =>
      ({ callId, state, remote: caller.remote, direction: 'inbound', at: new Date().toISOString(), ...(caller.remoteName ? { remoteName: caller.remoteName } : {}) });
    const problem = callEventProblem(event('ringing'));
    if (problem) {
      log.warn({ scenario, issue: problem }, 'simulated call refused: its call details are out of bounds');
      throw new Error(`the simulated caller is out of bounds (${problem})`);
    }
    const send = (state: CallState) => sink?.(event(state));
    log.info({ callId, scenario }, 'simulated call');
    send('ringing');
    if (random() < missedShare) later(ringMs, () => send('missed'));
    else
      later(ringMs, () => {
        send('answered');
        later(talkMs, () => send('ended'));
      });
    return callId;
  }

  return {
    name: 'simulator',
    ring,
    async start(eventSink) {
      sink = eventSink;
      if (intervalMs > 0) ticker = setInterval(() => ring(TIMER_SCENARIOS[Math.floor(random() * TIMER_SCENARIOS.length)]!), intervalMs);
    },
    async stop() {
      sink = null;
      if (ticker) clearInterval(ticker);
      ticker = null;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
