/**
 * What a PBX says about its queues and agents, beyond one desk's calls: the feed the
 * supervisor board consumes. Adapters that see the whole PBX (AMI) produce these.
 */
import { z } from 'zod';
import { singleLineText } from './text-rules.js';

const IsoTime = z.iso.datetime({ offset: true });
const Base = { queue: singleLineText('pbxName'), at: IsoTime };
const CallId = singleLineText('callId');
const Member = { member: singleLineText('pbxName'), memberName: singleLineText('pbxName') };

/** Asterisk's device states for a queue member (QueueMemberStatus "Status"), by name. */
export const MemberDeviceStateSchema = z.enum(['unknown', 'not_in_use', 'in_use', 'busy', 'invalid', 'unavailable', 'ringing', 'ring_in_use', 'on_hold']);

export const PbxEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queueCallerJoin'), ...Base, callId: CallId, caller: singleLineText('remoteAsReceived'), position: z.number().int() }),
  z.object({ kind: z.literal('queueCallerLeave'), ...Base, callId: CallId, position: z.number().int() }),
  z.object({ kind: z.literal('queueCallerAbandon'), ...Base, callId: CallId, position: z.number().int(), holdSeconds: z.number().int() }),
  z.object({
    kind: z.literal('queueMemberStatus'),
    ...Base,
    ...Member,
    state: MemberDeviceStateSchema,
    paused: z.boolean(),
    pausedReason: singleLineText('pbxName').optional(),
    inCall: z.boolean(),
    callsTaken: z.number().int(),
  }),
  z.object({ kind: z.literal('agentCalled'), ...Base, callId: CallId, ...Member }),
  z.object({ kind: z.literal('agentConnect'), ...Base, callId: CallId, ...Member, holdSeconds: z.number().int() }),
  z.object({
    kind: z.literal('agentComplete'),
    ...Base,
    callId: CallId,
    ...Member,
    holdSeconds: z.number().int(),
    talkSeconds: z.number().int(),
  }),
]);
export type PbxEvent = z.infer<typeof PbxEventSchema>;
export type MemberDeviceState = z.infer<typeof MemberDeviceStateSchema>;
