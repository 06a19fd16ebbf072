/**
 * From AMI events to this desk's CallEvents and the PBX-wide queue and agent events.
 * A call is followed by its Linkedid, which Asterisk keeps across every channel of one
 * call (caller, queue, each agent), so it is the callId. This desk's calls are the
 * ones that ring its own interface (e.g. PJSIP/1001); repeated ringing from several
 * events (AgentCalled, DialBegin, Newstate) is fine: the desk keeps one card per callId.
 */
import { type CallEvent, type CallState, isFinalState } from '../../../../shared/call.js';
import type { MemberDeviceState, PbxEvent } from '../../../../shared/pbx.js';
import { callEventProblem, DEFAULT_RINGING_BOUNDS } from '../adapter.js';
import type { AmiMessage } from './ami-protocol.js';

/** ast_device_state numbers as QueueMemberStatus reports them (include/asterisk/devicestate.h). */
const DEVICE_STATES: MemberDeviceState[] = ['unknown', 'not_in_use', 'in_use', 'busy', 'invalid', 'unavailable', 'ringing', 'ring_in_use', 'on_hold'];

interface TrackedCall {
  state: CallState;
  remote: string;
  remoteName?: string;
  dialled?: string;
  queue?: string;
}

export interface AmiCallMapperOptions {
  /** This desk's device, as Asterisk names it: "PJSIP/1001", "SIP/agent7", "Local/1001@agents". */
  deviceInterface: string;
  onCall(event: CallEvent): void;
  onPbx(event: PbxEvent): void;
  /** The desk's bound on live calls (config `calls`): a hangup lost in a reconnect cannot make the mapper hold calls forever. */
  maxLiveCalls?: number;
  /** A call that would have rung here breaks a bound of shared/call.ts: no card, and none of its later events either. */
  onRefused(callId: string, issue: string): void;
  now?: () => Date;
}

const int = (value: string | undefined) => (value && /^-?\d+$/.test(value) ? Number(value) : 0);
const named = (value: string | undefined) => (value && value !== '<unknown>' ? value : undefined);

export function createAmiCallMapper({
  deviceInterface,
  onCall,
  onPbx,
  onRefused,
  maxLiveCalls = DEFAULT_RINGING_BOUNDS.maxLiveCalls,
  now = () => new Date(),
}: AmiCallMapperOptions) {
  const device = deviceInterface.toLowerCase();
  const calls = new Map<string, TrackedCall>();
  const queueOf = new Map<string, string>();

  const isMine = (channelOrInterface: string | undefined) => {
    const name = channelOrInterface?.toLowerCase();
    return name !== undefined && (name === device || name.startsWith(`${device}-`));
  };

  const at = () => now().toISOString();

  function report(callId: string, state: CallState, details?: Omit<TrackedCall, 'state'>): void {
    const known = calls.get(callId);
    if (!known && (state !== 'ringing' || !details)) return;
    if (!known) makeRoom();
    const queue = known?.queue ?? details?.queue ?? queueOf.get(callId);
    const call: TrackedCall = { ...(known ?? details!), state, ...(queue ? { queue } : {}) };
    const event: CallEvent = {
      callId,
      state,
      remote: call.remote,
      direction: 'inbound',
      at: at(),
      ...(call.remoteName ? { remoteName: call.remoteName } : {}),
      ...(call.dialled ? { dialled: call.dialled } : {}),
      ...(call.queue ? { queue: call.queue } : {}),
    };
    // A known call passed when it rang, and its details do not change after.
    const problem = known ? null : callEventProblem(event);
    if (problem) return onRefused(callId, problem);
    calls.set(callId, call);
    onCall(event);
    if (isFinalState(state)) {
      calls.delete(callId);
      queueOf.delete(callId);
    }
  }

  /** As the desk does with its cards: the oldest ringing call, else the oldest answered one, ends to make room for a new one. */
  function makeRoom(): void {
    while (calls.size >= maxLiveCalls) {
      const [oldest] = [...calls].sort(([, a], [, b]) => Number(a.state !== 'ringing') - Number(b.state !== 'ringing'));
      if (!oldest) return;
      report(oldest[0], oldest[1].state === 'ringing' ? 'missed' : 'ended');
    }
  }

  /** The caller as the agent's ringing channel sees them: its connected line. */
  function fromAgentChannel(e: AmiMessage, prefix: '' | 'Dest'): Omit<TrackedCall, 'state'> {
    return {
      remote: e[`${prefix}ConnectedLineNum`] ?? '',
      ...(named(e[`${prefix}ConnectedLineName`]) ? { remoteName: named(e[`${prefix}ConnectedLineName`])! } : {}),
    };
  }

  /** The caller as their own channel reports them, and what they dialled. */
  function fromCallerChannel(e: AmiMessage): Omit<TrackedCall, 'state'> {
    return {
      remote: e.CallerIDNum ?? '',
      ...(named(e.CallerIDName) ? { remoteName: named(e.CallerIDName)! } : {}),
      ...(e.Exten && e.Exten !== 's' ? { dialled: e.Exten } : {}),
    };
  }

  function handle(e: AmiMessage): void {
    const linkedid = e.Linkedid ?? e.DestLinkedid ?? e.Uniqueid ?? '';
    // What every queue event says about the call it concerns, and every agent event about the member.
    const inQueue = () => ({ queue: e.Queue ?? '', callId: linkedid, at: at() });
    const member = () => ({ member: e.Interface ?? '', memberName: e.MemberName ?? '' });
    const forThisDesk = isMine(e.Interface) || isMine(e.DestChannel);
    switch (e.Event) {
      case 'QueueCallerJoin':
        queueOf.set(linkedid, e.Queue ?? '');
        onPbx({ kind: 'queueCallerJoin', ...inQueue(), caller: e.CallerIDNum ?? '', position: int(e.Position) });
        return;
      case 'QueueCallerLeave':
        // Every caller of every queue passes through here, most of them to other agents: none is kept past the queue.
        queueOf.delete(linkedid);
        onPbx({ kind: 'queueCallerLeave', ...inQueue(), position: int(e.Position) });
        return;
      case 'QueueCallerAbandon':
        queueOf.delete(linkedid);
        onPbx({ kind: 'queueCallerAbandon', ...inQueue(), position: int(e.Position), holdSeconds: int(e.HoldTime) });
        report(linkedid, 'missed');
        return;
      case 'QueueMemberStatus':
        onPbx({
          kind: 'queueMemberStatus',
          queue: e.Queue ?? '',
          member: e.Interface ?? e.Location ?? '',
          memberName: e.MemberName ?? '',
          state: DEVICE_STATES[int(e.Status)] ?? 'unknown',
          paused: e.Paused === '1',
          ...(e.PausedReason ? { pausedReason: e.PausedReason } : {}),
          inCall: e.InCall === '1',
          callsTaken: int(e.CallsTaken),
          at: at(),
        });
        return;
      case 'AgentCalled':
        onPbx({ kind: 'agentCalled', ...inQueue(), ...member() });
        if (forThisDesk) report(linkedid, 'ringing', { ...fromCallerChannel(e), ...(e.Queue ? { queue: e.Queue } : {}) });
        return;
      case 'AgentConnect':
        onPbx({ kind: 'agentConnect', ...inQueue(), ...member(), holdSeconds: int(e.HoldTime) });
        if (forThisDesk) report(linkedid, 'answered');
        return;
      case 'AgentComplete':
        onPbx({ kind: 'agentComplete', ...inQueue(), ...member(), holdSeconds: int(e.HoldTime), talkSeconds: int(e.TalkTime) });
        if (forThisDesk) report(linkedid, 'ended');
        return;
      case 'DialBegin':
        if (isMine(e.DestChannel)) report(e.DestLinkedid ?? linkedid, 'ringing', fromCallerChannel(e));
        return;
      case 'DialEnd':
        if (isMine(e.DestChannel)) report(e.DestLinkedid ?? linkedid, e.DialStatus === 'ANSWER' ? 'answered' : 'missed');
        return;
      // A channel to this device can be born ringing (Newchannel) or come to ring later (Newstate).
      case 'Newchannel':
      case 'Newstate':
        if (!isMine(e.Channel)) return;
        if (e.ChannelStateDesc === 'Ringing') report(linkedid, 'ringing', fromAgentChannel(e, ''));
        else if (e.ChannelStateDesc === 'Up') report(linkedid, 'answered');
        return;
      case 'Hangup': {
        const call = calls.get(linkedid);
        if (!call) return;
        // Our leg hanging up ends an answered call. While it rings, only our leg or the caller's own
        // (the channel the Linkedid was born on) ends it: another agent's leg dropping in a ring-all queue does not.
        if (call.state === 'answered' && isMine(e.Channel)) report(linkedid, 'ended');
        else if (call.state === 'ringing' && (isMine(e.Channel) || e.Uniqueid === linkedid)) report(linkedid, 'missed');
        return;
      }
    }
  }

  /** After a reconnect: the channels Asterisk has now (CoreShowChannel events), so a call still ringing pops. */
  function rebuild(channels: AmiMessage[]): void {
    for (const channel of channels) {
      if (!isMine(channel.Channel)) continue;
      const linkedid = channel.Linkedid ?? channel.Uniqueid ?? '';
      if (channel.ChannelStateDesc === 'Ringing') report(linkedid, 'ringing', fromAgentChannel(channel, ''));
      else if (channel.ChannelStateDesc === 'Up' && calls.has(linkedid)) report(linkedid, 'answered');
    }
  }

  return { handle, rebuild };
}
