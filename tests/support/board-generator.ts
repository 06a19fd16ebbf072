/**
 * Drives the supervisor board through the hub as a PBX bridge and hundreds of desks
 * would: a scripted day of queue calls for many queues, a state for every agent, and
 * the figures each queue must show by the definitions in shared/board.ts, worked out
 * here independently of the hub's code.
 */
import type { AgentState, BoardInput } from '../../shared/board.js';
import { hubClient, signIn } from './test-hub.js';

export interface ExpectedQueue {
  name: string;
  offered: number;
  answered: number;
  abandoned: number;
  waiting: number;
  serviceLevelPercent: number;
  averageSpeedOfAnswerSeconds: number;
  averageHandleSeconds: number;
}

export const queueName = (q: number) => `queue-${String(q + 1).padStart(2, '0')}`;
export const agentId = (a: number) => `agent-${String(a + 1).padStart(3, '0')}`;
const AGENT_STATES: AgentState[] = ['available', 'on_call', 'wrap_up', 'break', 'ringing'];

/** All events within the last few minutes of today (never before midnight UTC), so they are today's figures. */
export function scriptedDay(queues: number, agents: number, now = new Date()) {
  const midnight = Date.parse(now.toISOString().slice(0, 10));
  const base = Math.max(midnight + 60_000, now.getTime() - 10 * 60_000);
  const at = (offsetSeconds: number) => new Date(Math.min(base + offsetSeconds * 1_000, now.getTime())).toISOString();
  const inputs: BoardInput[] = [];
  const expected: ExpectedQueue[] = [];

  for (let q = 0; q < queues; q++) {
    const queue = queueName(q);
    const fast = 1 + (q % 3);
    const slow = q % 2;
    const abandoned = q % 4 === 0 ? 1 : 0;
    const waiting = q % 5 === 0 ? 2 : 0;
    const talk = 60 * (1 + (q % 3));
    let call = 0;
    const answer = (holdSeconds: number) => {
      const callId = `${queue}-c${call++}`;
      inputs.push(
        { kind: 'pbx', event: { kind: 'queueCallerJoin', queue, at: at(0), callId, caller: '+359888123456', position: 1 } },
        { kind: 'pbx', event: { kind: 'agentConnect', queue, at: at(holdSeconds), callId, member: 'PJSIP/1001', memberName: 'A', holdSeconds } },
        { kind: 'pbx', event: { kind: 'agentComplete', queue, at: at(holdSeconds + talk), callId, member: 'PJSIP/1001', memberName: 'A', holdSeconds, talkSeconds: talk } },
      );
    };
    for (let n = 0; n < fast; n++) answer(5);
    for (let n = 0; n < slow; n++) answer(45);
    for (let n = 0; n < abandoned; n++) {
      const callId = `${queue}-c${call++}`;
      inputs.push(
        { kind: 'pbx', event: { kind: 'queueCallerJoin', queue, at: at(10), callId, caller: '+359888123457', position: 1 } },
        { kind: 'pbx', event: { kind: 'queueCallerAbandon', queue, at: at(50), callId, position: 1, holdSeconds: 40 } },
      );
    }
    for (let n = 0; n < waiting; n++) {
      inputs.push({ kind: 'pbx', event: { kind: 'queueCallerJoin', queue, at: at(500), callId: `${queue}-c${call++}`, caller: '+359888123458', position: n + 1 } });
    }
    const offered = fast + slow + abandoned + waiting;
    expected.push({
      name: queue,
      offered,
      answered: fast + slow,
      abandoned,
      waiting,
      serviceLevelPercent: Math.round((fast / offered) * 100),
      averageSpeedOfAnswerSeconds: Math.round((fast * 5 + slow * 45) / (fast + slow)),
      averageHandleSeconds: talk,
    });
  }

  for (let a = 0; a < agents; a++) {
    const state = AGENT_STATES[a % AGENT_STATES.length]!;
    const busy = state === 'on_call' || state === 'wrap_up' || state === 'ringing';
    inputs.push({
      kind: 'agent',
      agentId: agentId(a),
      name: `Agent ${String(a + 1).padStart(3, '0')}`,
      report: {
        state,
        at: at(a % 300),
        ...(state === 'break' ? { breakReason: 'lunch' } : {}),
        ...(busy ? { call: { customer: `Customer ${a + 1}`, queue: queueName(a % queues) } } : {}),
      },
    });
  }
  return { inputs, expected };
}

/** Posts inputs to the hub in the batches a bridge would use. */
export async function postBoardInputs(hubUrl: string, adminToken: string, inputs: BoardInput[]): Promise<void> {
  for (let i = 0; i < inputs.length; i += 1_000) {
    const answer = await hubClient(hubUrl, adminToken).call('boardEvents', { body: { inputs: inputs.slice(i, i + 1_000) } });
    if (answer.status !== 202) throw new Error(`board events refused: ${answer.status} ${answer.ok ? '' : answer.message}`);
  }
}

/** Signs in as the fixture's admin and posts a scripted day: what the board's specs start from. */
export async function postScriptedDayAsAdmin(hubUrl: string, queues: number, agents: number): Promise<void> {
  await postBoardInputs(hubUrl, (await signIn(hubUrl, 'root')).token, scriptedDay(queues, agents).inputs);
}
