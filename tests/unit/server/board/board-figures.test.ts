import { describe, expect, it } from 'vitest';
import { createBoardFigures } from '../../../../server/board/board-figures.js';
import type { PbxEvent } from '../../../../shared/pbx.js';
import { QueueSettingsSchema } from '../../../../shared/board.js';

const queue = 'support';
const at = (time: string) => `2026-11-24T${time}Z`;
const join = (callId: string, time: string): PbxEvent => ({ kind: 'queueCallerJoin', queue, at: at(time), callId, caller: '+359888123456', position: 1 });
const connect = (callId: string, time: string, holdSeconds: number): PbxEvent => ({
  kind: 'agentConnect', queue, at: at(time), callId, member: 'PJSIP/1001', memberName: 'Alice', holdSeconds,
});
const complete = (callId: string, time: string, talkSeconds: number): PbxEvent => ({
  kind: 'agentComplete', queue, at: at(time), callId, member: 'PJSIP/1001', memberName: 'Alice', holdSeconds: 0, talkSeconds,
});
const abandon = (callId: string, time: string): PbxEvent => ({ kind: 'queueCallerAbandon', queue, at: at(time), callId, position: 1, holdSeconds: 40 });

function board(events: PbxEvent[]) {
  const figures = createBoardFigures([QueueSettingsSchema.parse({ name: queue, serviceLevelSeconds: 20 })]);
  for (const event of events) figures.apply({ kind: 'pbx', event });
  return figures;
}

describe('queue figures', () => {
  // c1 answered after 10 s, c2 after 30 s, c3 abandoned, c4 still waiting.
  const script = [
    join('c1', '09:00:00'), connect('c1', '09:00:10', 10), complete('c1', '09:03:10', 180),
    join('c2', '09:10:00'), connect('c2', '09:10:30', 30), complete('c2', '09:12:30', 120),
    join('c3', '09:14:00'), abandon('c3', '09:14:40'),
    join('c4', '09:20:00'),
  ];

  it('counts offered, answered and abandoned, and keeps who is still waiting', () => {
    const figures = board(script).queue(queue);
    expect(figures).toMatchObject({ offered: 4, answered: 2, abandoned: 1, answeredWithinT: 1, waitingSince: [at('09:20:00')] });
  });

  it('takes service level as answered within T over offered, average speed of answer over answered calls, handle time over completed ones', () => {
    const figures = board(script).queue(queue);
    expect(figures.serviceLevelPercent).toBe(25);
    expect(figures.averageSpeedOfAnswerSeconds).toBe(20);
    expect(figures.averageHandleSeconds).toBe(150);
  });

  it('buckets today’s calls into 15-minute intervals by when they happened', () => {
    expect(board(script).queue(queue).intervals).toEqual([
      { start: at('09:00:00.000'), offered: 3, answered: 2, abandoned: 1 },
      { start: at('09:15:00.000'), offered: 1, answered: 0, abandoned: 0 },
    ]);
  });

  it('starts the counters again on a new day, keeping callers who are still waiting', () => {
    const figures = board([...script, { ...join('c5', '09:00:00'), at: '2026-11-25T00:00:05Z' }]).queue(queue);
    expect(figures).toMatchObject({ offered: 1, answered: 0, abandoned: 0, waitingSince: [at('09:20:00'), '2026-11-25T00:00:05Z'] });
    expect(figures.intervals).toEqual([{ start: '2026-11-25T00:00:00.000Z', offered: 1, answered: 0, abandoned: 0 }]);
  });

  it('starts the day at midnight in the board’s time zone, not UTC’s', () => {
    // Sofia is UTC+2 in November: 21:30 UTC is 23:30 there, 22:30 UTC already the next day.
    const inSofia = createBoardFigures([], 'Europe/Sofia');
    const inUtc = createBoardFigures([]);
    for (const figures of [inSofia, inUtc]) {
      figures.apply({ kind: 'pbx', event: { ...join('late', '21:30:00'), queue: 'sales' } });
      figures.apply({ kind: 'pbx', event: { ...join('early', '22:30:00'), queue: 'sales' } });
    }
    expect(inSofia.queue('sales').offered).toBe(1);
    expect(inUtc.queue('sales').offered).toBe(2);
    expect(inSofia.snapshot(new Date()).timeZone).toBe('Europe/Sofia');
  });

  it('leaves a past day’s late event out of today’s figures, but lets its caller stop waiting', () => {
    const figures = board([{ ...join('y1', '23:50:00'), at: '2026-11-23T23:50:00Z' }, join('t1', '09:00:00')]);
    figures.apply({ kind: 'pbx', event: { ...join('late', '23:55:00'), at: '2026-11-23T23:55:00Z' } });
    figures.apply({ kind: 'pbx', event: { ...abandon('y1', '23:59:00'), at: '2026-11-23T23:59:00Z' } });
    expect(figures.queue(queue)).toMatchObject({ offered: 1, abandoned: 0, waitingSince: [at('09:00:00')] });
  });

  it('has no service level before the first call, and gives an unlisted queue the default settings', () => {
    const figures = createBoardFigures([]);
    figures.apply({ kind: 'pbx', event: { ...join('x', '10:00:00'), queue: 'sales' } });
    expect(figures.queue('sales').settings).toEqual(QueueSettingsSchema.parse({ name: 'sales' }));
    expect(createBoardFigures([QueueSettingsSchema.parse({ name: 'empty' })]).queue('empty').serviceLevelPercent).toBeNull();
  });
});

describe('agent states', () => {
  it('counts time in state from the change of state, not from each report', () => {
    const figures = createBoardFigures([]);
    const report = (state: 'available' | 'on_call', time: string, customer: string | null = null) =>
      figures.apply({ kind: 'agent', agentId: 'alice', name: 'Alice', report: { state, at: at(time), ...(customer ? { call: { customer, queue } } : {}) } });
    report('available', '09:00:00');
    report('available', '09:05:00');
    expect(figures.agent('alice')).toMatchObject({ state: 'available', since: at('09:00:00') });
    report('on_call', '09:06:00', 'Иван Иванов');
    expect(figures.agent('alice')).toMatchObject({ state: 'on_call', since: at('09:06:00'), call: { customer: 'Иван Иванов', queue } });
  });
});
