import { describe, expect, it } from 'vitest';
import { createAmiCallMapper } from '../../../../../../electron/services/telephony/ami/ami-call-mapper.js';
import type { CallEvent } from '../../../../../../shared/call.js';

function mapper() {
  const calls: CallEvent[] = [];
  const map = createAmiCallMapper({ deviceInterface: 'PJSIP/1001', onCall: (e) => calls.push(e), onPbx: () => undefined, onRefused: () => undefined, now: () => new Date('2026-11-24T10:00:00Z') });
  return { map, calls, states: () => calls.map((c) => c.state) };
}

const caller = { Channel: 'PJSIP/trunk-1', Uniqueid: 'L1', Linkedid: 'L1', CallerIDNum: '0888123456', CallerIDName: '<unknown>', Exten: 's' };
const dialTo = (dest: string, extra: Record<string, string> = {}) => ({ ...caller, DestChannel: dest, DestUniqueid: 'U2', DestLinkedid: 'L1', ...extra });

describe('AMI events for this desk', () => {
  it('ignores calls that ring other devices', () => {
    const { map, calls } = mapper();
    map.handle({ Event: 'DialBegin', ...dialTo('PJSIP/1002-0001') });
    map.handle({ Event: 'DialBegin', ...dialTo('PJSIP/10011-0001') });
    expect(calls).toEqual([]);
  });

  it('a direct call the caller hangs up while it rings is missed, without an unknown name or the "s" extension', () => {
    const { map, calls, states } = mapper();
    map.handle({ Event: 'DialBegin', ...dialTo('PJSIP/1001-0001') });
    map.handle({ Event: 'Hangup', ...caller });
    expect(states()).toEqual(['ringing', 'missed']);
    expect(calls[0]).toEqual({ callId: 'L1', state: 'ringing', remote: '0888123456', direction: 'inbound', at: '2026-11-24T10:00:00.000Z' });
  });

  it('in a ring-all queue, another agent’s leg dropping does not end the call ringing here', () => {
    const { map, states } = mapper();
    map.handle({ Event: 'DialBegin', ...dialTo('PJSIP/1001-0001') });
    map.handle({ Event: 'Hangup', Channel: 'PJSIP/1002-0002', Uniqueid: 'U3', Linkedid: 'L1' });
    expect(states()).toEqual(['ringing']);
    map.handle({ Event: 'DialEnd', ...dialTo('PJSIP/1001-0001', { DialStatus: 'NOANSWER' }) });
    expect(states()).toEqual(['ringing', 'missed']);
  });

  it('an answered call ends when this desk’s leg hangs up, and nothing follows the end', () => {
    const { map, states } = mapper();
    map.handle({ Event: 'Newstate', Channel: 'PJSIP/1001-0001', ChannelStateDesc: 'Ringing', Linkedid: 'L1', ConnectedLineNum: '+359888123456' });
    map.handle({ Event: 'Newstate', Channel: 'PJSIP/1001-0001', ChannelStateDesc: 'Up', Linkedid: 'L1' });
    map.handle({ Event: 'Hangup', Channel: 'PJSIP/1001-0001', Uniqueid: 'U2', Linkedid: 'L1' });
    map.handle({ Event: 'Hangup', ...caller });
    expect(states()).toEqual(['ringing', 'answered', 'ended']);
  });

  it('takes a channel to this device that is born ringing', () => {
    const { map, calls } = mapper();
    map.handle({ Event: 'Newchannel', Channel: 'PJSIP/1001-0009', ChannelStateDesc: 'Ringing', Linkedid: 'L9', ConnectedLineNum: '0888123456', ConnectedLineName: 'Ivan' });
    map.handle({ Event: 'Newchannel', Channel: 'PJSIP/1001-0010', ChannelStateDesc: 'Down', Linkedid: 'L10' });
    expect(calls.map((c) => [c.callId, c.state, c.remote, c.remoteName])).toEqual([['L9', 'ringing', '0888123456', 'Ivan']]);
  });

  it('an answer or an end for a call never seen ringing here is not invented', () => {
    const { map, calls } = mapper();
    map.handle({ Event: 'DialEnd', ...dialTo('PJSIP/1001-0001', { DialStatus: 'ANSWER' }) });
    map.handle({ Event: 'AgentComplete', ...dialTo('PJSIP/1001-0001'), Interface: 'PJSIP/1001', Queue: 'q' });
    expect(calls).toEqual([]);
  });
});

describe('what the AMI mapper holds', () => {
  const ringHere = (n: number) => ({ Event: 'Newchannel', Channel: `PJSIP/1001-${n}`, ChannelStateDesc: 'Ringing', Linkedid: `L${n}`, ConnectedLineNum: '0888123456' });

  it('holds no more live calls than the desk’s bound: a hangup it never hears of ends the oldest ringing call as missed', () => {
    const calls: CallEvent[] = [];
    const map = createAmiCallMapper({ deviceInterface: 'PJSIP/1001', onCall: (e) => calls.push(e), onPbx: () => undefined, onRefused: () => undefined, maxLiveCalls: 2 });
    for (const n of [1, 2, 3]) map.handle(ringHere(n));
    expect(calls.map((c) => `${c.callId} ${c.state}`)).toEqual(['L1 ringing', 'L2 ringing', 'L1 missed', 'L3 ringing']);
  });

  it('forgets a queue caller once they leave the queue: a later ring of that call is not labelled with it', () => {
    const { map, calls } = mapper();
    map.handle({ Event: 'QueueCallerJoin', Queue: 'sales', Linkedid: 'L1', CallerIDNum: '0888123456', Position: '1' });
    map.handle({ Event: 'QueueCallerLeave', Queue: 'sales', Linkedid: 'L1', Position: '1' });
    map.handle(ringHere(1));
    expect(calls).toMatchObject([{ callId: 'L1', state: 'ringing' }]);
    expect(calls[0]!.queue).toBeUndefined();
  });
});
