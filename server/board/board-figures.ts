/**
 * The supervisor board's figures, folded from the PBX's queue events and the agent
 * states desks report. Pure and in memory: the hub feeds it the day's events in order
 * (from PostgreSQL at start, then as they arrive), so every hub instance computes the
 * same board. The definitions are the ones documented in shared/board.ts.
 */
import type { AgentStateReport, AgentStatus, BoardInput, BoardSnapshot, QueueFigures, QueueSettings } from '../../shared/board.js';
import { QueueSettingsSchema } from '../../shared/board.js';
import type { PbxEvent } from '../../shared/pbx.js';

const INTERVAL_MS = 15 * 60_000;

interface QueueTally {
  settings: QueueSettings;
  waiting: Map<string, string>;
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithinT: number;
  holdSecondsAnswered: number;
  completed: number;
  talkSeconds: number;
  intervals: Map<number, { offered: number; answered: number; abandoned: number }>;
}

/** What one input changed, so the hub sends boards only that. */
export type BoardChange = { queue: string } | { agentId: string } | null;

/** The calendar day (YYYY-MM-DD) of an instant in a time zone: the board's "today" is the call centre's, not UTC's. */
export function dayIn(timeZone: string): (at: string) => string {
  // en-CA writes dates as YYYY-MM-DD, so days compare as strings.
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (at) => format.format(new Date(at));
}

export function createBoardFigures(configured: QueueSettings[], timeZone = 'UTC') {
  const dayOf = dayIn(timeZone);
  const settingsByName = new Map(configured.map((s) => [s.name, s]));
  const queues = new Map<string, QueueTally>();
  const agents = new Map<string, AgentStatus>();
  let day = '';

  function tally(name: string): QueueTally {
    let queue = queues.get(name);
    if (!queue) {
      queue = {
        settings: settingsByName.get(name) ?? QueueSettingsSchema.parse({ name }),
        waiting: new Map(),
        offered: 0, answered: 0, abandoned: 0, answeredWithinT: 0, holdSecondsAnswered: 0, completed: 0, talkSeconds: 0,
        intervals: new Map(),
      };
      queues.set(name, queue);
    }
    return queue;
  }

  /** Counters are today's: the first event of a new day (YYYY-MM-DD in the board's zone) starts them again; callers still waiting stay. */
  function rollOver(today: string): void {
    if (today <= day) return;
    day = today;
    for (const queue of queues.values()) {
      Object.assign(queue, { offered: 0, answered: 0, abandoned: 0, answeredWithinT: 0, holdSecondsAnswered: 0, completed: 0, talkSeconds: 0 });
      queue.intervals.clear();
    }
  }

  function interval(queue: QueueTally, at: string) {
    const start = Math.floor(Date.parse(at) / INTERVAL_MS) * INTERVAL_MS;
    let counts = queue.intervals.get(start);
    if (!counts) queue.intervals.set(start, (counts = { offered: 0, answered: 0, abandoned: 0 }));
    return counts;
  }

  function applyPbx(event: PbxEvent): BoardChange {
    // A past day's event that arrived late is not today's figure; its caller is no longer waiting, though.
    const eventDay = dayOf(event.at);
    if (eventDay < day) {
      const ended = event.kind === 'queueCallerLeave' || event.kind === 'queueCallerAbandon' || event.kind === 'agentConnect';
      return ended && queues.get(event.queue)?.waiting.delete(event.callId) ? { queue: event.queue } : null;
    }
    rollOver(eventDay);
    const queue = tally(event.queue);
    switch (event.kind) {
      case 'queueCallerJoin':
        queue.offered++;
        interval(queue, event.at).offered++;
        queue.waiting.set(event.callId, event.at);
        break;
      case 'queueCallerLeave':
        queue.waiting.delete(event.callId);
        break;
      case 'queueCallerAbandon':
        queue.abandoned++;
        interval(queue, event.at).abandoned++;
        queue.waiting.delete(event.callId);
        break;
      case 'agentConnect':
        queue.answered++;
        interval(queue, event.at).answered++;
        queue.holdSecondsAnswered += event.holdSeconds;
        if (event.holdSeconds <= queue.settings.serviceLevelSeconds) queue.answeredWithinT++;
        queue.waiting.delete(event.callId);
        break;
      case 'agentComplete':
        queue.completed++;
        queue.talkSeconds += event.talkSeconds;
        break;
      // Ringing members and device states: the desks report their agents, with the customer the PBX does not know.
      case 'agentCalled':
      case 'queueMemberStatus':
        return null;
    }
    return { queue: event.queue };
  }

  function applyAgent(agentId: string, name: string, report: AgentStateReport): BoardChange {
    const previous = agents.get(agentId);
    const changedState = previous?.state !== report.state || previous.breakReason !== (report.breakReason ?? null);
    agents.set(agentId, {
      agentId,
      name,
      state: report.state,
      since: changedState ? report.at : previous.since,
      breakReason: report.breakReason ?? null,
      call: report.call ?? null,
    });
    return { agentId };
  }

  function figures(queue: QueueTally): QueueFigures {
    const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
    const percent = ratio(queue.answeredWithinT, queue.offered);
    return {
      settings: queue.settings,
      waitingSince: [...queue.waiting.values()].sort(),
      offered: queue.offered,
      answered: queue.answered,
      abandoned: queue.abandoned,
      answeredWithinT: queue.answeredWithinT,
      serviceLevelPercent: percent === null ? null : percent * 100,
      averageSpeedOfAnswerSeconds: ratio(queue.holdSecondsAnswered, queue.answered),
      averageHandleSeconds: ratio(queue.talkSeconds, queue.completed),
      intervals: [...queue.intervals]
        .sort(([a], [b]) => a - b)
        .map(([start, counts]) => ({ start: new Date(start).toISOString(), ...counts })),
    };
  }

  for (const settings of configured) tally(settings.name);

  return {
    apply(input: BoardInput): BoardChange {
      return input.kind === 'pbx' ? applyPbx(input.event) : applyAgent(input.agentId, input.name, input.report);
    },
    queue: (name: string) => figures(tally(name)),
    agent: (agentId: string) => agents.get(agentId),
    snapshot: (at: Date): BoardSnapshot => ({
      queues: [...queues.values()].map(figures).sort((a, b) => a.settings.name.localeCompare(b.settings.name)),
      agents: [...agents.values()].sort((a, b) => a.name.localeCompare(b.name)),
      at: at.toISOString(),
      timeZone,
    }),
  };
}
