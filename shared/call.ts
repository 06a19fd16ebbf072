/** Calls as the telephony bridges report them, and the cards and log rows the desk makes of them. */
import { z } from 'zod';
import { CustomerCardSchema, E164Schema, NormalisedPhoneSchema } from './domain.js';
import { singleLineText } from './text-rules.js';

/** answered_elsewhere: rang here, was taken by a colleague (SIP "Reason: SIP;cause=200", a queue's other agent). */
export const CallStateSchema = z.enum(['ringing', 'answered', 'ended', 'missed', 'answered_elsewhere']);
export type CallState = z.infer<typeof CallStateSchema>;

/** The states after which nothing more happens to a call on this desk. */
export function isFinalState(state: CallState): state is 'ended' | 'missed' | 'answered_elsewhere' {
  return state === 'ended' || state === 'missed' || state === 'answered_elsewhere';
}

/**
 * One state change of one call, from any bridge. `remote` is the number exactly as
 * received (a SIP URI, a national form, "anonymous"…): only the normaliser reads it.
 */
export const CallEventSchema = z.strictObject({
  callId: singleLineText('callId').min(1),
  state: CallStateSchema,
  remote: singleLineText('remoteAsReceived'),
  remoteName: singleLineText('displayName').optional(),
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
  /** The line, DID or queue the caller dialled, so the card can say what they called about. */
  dialled: singleLineText('remoteAsReceived').optional(),
  queue: singleLineText('pbxName').optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});
export type CallEvent = z.output<typeof CallEventSchema>;
export type CallEventInput = z.input<typeof CallEventSchema>;

/** How sure the desk is about who is calling. */
export const MatchKindSchema = z.enum(['exact', 'probable', 'none', 'withheld', 'internal', 'invalid']);
export type MatchKind = z.infer<typeof MatchKindSchema>;

const IsoTime = z.iso.datetime({ offset: true });

export const PopCardSchema = z.object({
  callId: z.string(),
  state: CallStateSchema,
  direction: z.enum(['inbound', 'outbound']),
  remote: z.object({ raw: z.string(), name: z.string().optional() }),
  phone: NormalisedPhoneSchema,
  dialled: z.string().optional(),
  queue: z.string().optional(),
  match: MatchKindSchema,
  /** Zero, one or several customers; several means the operator chooses. */
  candidates: z.array(CustomerCardSchema.extend({ matchedPhone: E164Schema })),
  startedAt: IsoTime,
  answeredAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
});
export type PopCard = z.infer<typeof PopCardSchema>;

export const CallLogEntrySchema = z.object({
  callId: z.string(),
  outcome: z.enum(['ended', 'missed', 'answered_elsewhere']),
  direction: z.enum(['inbound', 'outbound']),
  remoteRaw: z.string(),
  phone: E164Schema.nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  match: MatchKindSchema,
  startedAt: IsoTime,
  answeredAt: IsoTime.nullable(),
  endedAt: IsoTime,
});
export type CallLogEntry = z.infer<typeof CallLogEntrySchema>;
