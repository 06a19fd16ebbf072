/**
 * The sync contract between desks and the hub: sessions, pages of changes pulled
 * after a cursor, and mutations pushed from a desk's outbox. The hub validates every
 * request with these schemas and the desk validates every answer, so both sides
 * reject the same malformed message the same way.
 */
import { z } from 'zod';
import { CustomerSchema, InteractionSchema, PhoneSchema, PurchaseSchema, TicketSchema } from './domain.js';
import { singleLineText, TEXT_BOUNDS } from './text-rules.js';

const AgentId = singleLineText('id').min(1);
const CustomerId = singleLineText('id').min(1);
const Password = singleLineText('password');

export const AgentRoleSchema = z.enum(['operator', 'supervisor', 'admin']);
export type AgentRole = z.infer<typeof AgentRoleSchema>;

export const AgentSchema = z.object({
  id: AgentId,
  username: singleLineText('username').min(1),
  name: singleLineText('personName').min(1),
  role: AgentRoleSchema,
});
export type Agent = z.infer<typeof AgentSchema>;

export const LoginRequestSchema = z.strictObject({
  username: singleLineText('username').min(1),
  password: Password.min(1),
});
export const SessionSchema = z.object({ token: z.string().min(32), agent: AgentSchema, expiresAt: z.iso.datetime({ offset: true }) });
export type Session = z.infer<typeof SessionSchema>;

export const NewAgentSchema = z.strictObject({
  username: z.string().min(1).max(TEXT_BOUNDS.username).regex(/^[a-z0-9._-]+$/, 'lower-case letters, digits, ".", "_" or "-"'),
  name: singleLineText('personName').trim().min(1),
  role: AgentRoleSchema,
  password: Password.min(10, 'a password needs at least 10 characters'),
});
export type NewAgent = z.infer<typeof NewAgentSchema>;

/** The hub numbers every write with one increasing version; a desk's cursor is the last version it applied. */
const Version = z.number().int().min(1);

export const ChangeSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('customer'), version: Version, customer: CustomerSchema, phones: z.array(PhoneSchema) }),
  z.object({ entity: z.literal('purchase'), version: Version, purchase: PurchaseSchema }),
  z.object({ entity: z.literal('ticket'), version: Version, ticket: TicketSchema }),
  z.object({ entity: z.literal('interaction'), version: Version, interaction: InteractionSchema }),
]);
export type Change = z.infer<typeof ChangeSchema>;

export const PULL_PAGE_MAX = 5_000;

/** A client sends numbers; they arrive as the query string's text, which the hub coerces. */
export const PullQuerySchema = z.strictObject({
  after: z.coerce.number<number>().int().min(0),
  limit: z.coerce.number<number>().int().min(1).max(PULL_PAGE_MAX).default(1_000),
  /** Purchases and interactions older than this day are left out: a new desk needs recent history, not all of it. */
  historySince: z.iso.date().optional(),
});
export type PullQuery = z.input<typeof PullQuerySchema>;

export const PullPageSchema = z.object({
  /** In version order. */
  changes: z.array(ChangeSchema),
  /** The version to ask after next time; unchanged when there was nothing new. */
  cursor: z.number().int().min(0),
  /** More changes wait after `cursor`: ask again at once. */
  more: z.boolean(),
});
export type PullPage = z.infer<typeof PullPageSchema>;

/** Customer fields a desk may edit; each one edited wins or loses on its own (last writer in the hub's order). */
export const CustomerEditSchema = CustomerSchema.pick({
  firstName: true,
  lastName: true,
  company: true,
  email: true,
  type: true,
  industry: true,
  tags: true,
  country: true,
})
  .partial()
  .strict()
  .refine((fields) => Object.keys(fields).length > 0, { message: 'an edit needs at least one field' });
export type CustomerEdit = z.infer<typeof CustomerEditSchema>;

const MutationId = z.uuid();

/** An operator's edit as the desk takes it: only the fields they changed, so a colleague's edit of another field survives. */
export const CustomerUpdateSchema = z.strictObject({
  mutationId: MutationId,
  customerId: CustomerId,
  fields: CustomerEditSchema,
});
export type CustomerUpdate = z.infer<typeof CustomerUpdateSchema>;

/** What a desk's outbox holds and pushes. Ticket status is the hub's: no mutation changes a ticket. */
export const MutationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ mutationId: MutationId, kind: z.literal('interaction.create'), payload: InteractionSchema }),
  z.strictObject({
    mutationId: MutationId,
    kind: z.literal('customer.create'),
    payload: z.strictObject({ customer: CustomerSchema, phones: z.array(PhoneSchema).max(10) }),
  }),
  z.strictObject({
    mutationId: MutationId,
    kind: z.literal('customer.update'),
    payload: z.strictObject({ customerId: CustomerId, fields: CustomerEditSchema, at: z.iso.datetime({ offset: true }) }),
  }),
]);
export type Mutation = z.infer<typeof MutationSchema>;

export const PUSH_BATCH_MAX = 500;

/**
 * How far from the hub's clock a pushed note's `at` may be. Ahead: a desk whose clock
 * was set by hand in the wrong time zone is up to 14 hours fast; beyond a day it is a
 * broken clock, and its notes would sit above every real one for days. Behind: a desk's
 * outbox keeps notes through a long outage or a laptop left in a drawer over a holiday,
 * and a year covers those (and is the history a new desk pulls by default), while a
 * clock reset by a flat battery (1970, 2001, the board's build date) is years off.
 */
export const CLOCK_SKEW_ALLOWED = { aheadMs: 24 * 3_600_000, behindMs: 366 * 24 * 3_600_000 } as const;

/** Why a time a desk stamped is refused by a hub reading `now`, or null when it is within {@link CLOCK_SKEW_ALLOWED}. */
export function clockSkewProblem(at: string, now: Date): string | null {
  const offset = new Date(at).getTime() - now.getTime();
  if (offset > CLOCK_SKEW_ALLOWED.aheadMs) return `stamped ${at}, more than ${CLOCK_SKEW_ALLOWED.aheadMs / 3_600_000} hours ahead of the hub's clock (${now.toISOString()}): check the desk's clock`;
  if (-offset > CLOCK_SKEW_ALLOWED.behindMs) return `stamped ${at}, older than ${CLOCK_SKEW_ALLOWED.behindMs / 86_400_000} days by the hub's clock (${now.toISOString()}): check the desk's clock`;
  return null;
}

export const PushRequestSchema = z.strictObject({ mutations: z.array(MutationSchema).min(1).max(PUSH_BATCH_MAX) });

/**
 * Why a mutation was refused for good, as a code each desk says in its agent's language:
 * the database's own words stay in the hub's log. invalid_mutation is the desk's own
 * verdict on an outbox entry it cannot read; refused, a reason this desk does not know.
 */
export const MutationRefusalSchema = z.enum([
  'wrong_agent',
  'id_mismatch',
  'customer_unknown',
  'customer_number_taken',
  'already_exists',
  'clock_skew',
  'invalid_data',
  'invalid_mutation',
  'refused',
]);
export type MutationRefusal = z.infer<typeof MutationRefusalSchema>;
/** A refusal as a desk reads it: a code from a newer hub, or a reason stored before codes, is one it cannot name. */
export const ReadRefusalSchema = MutationRefusalSchema.catch('refused');

export const MutationResultSchema = z.object({
  mutationId: MutationId,
  /** applied: written now; duplicate: written by an earlier push; rejected: never will be, with the reason. */
  status: z.enum(['applied', 'duplicate', 'rejected']),
  /** Read leniently, so a code from a newer hub does not stop the rest of the push from settling. */
  reason: ReadRefusalSchema.optional(),
});
export type MutationResult = z.infer<typeof MutationResultSchema>;
export const PushResultSchema = z.object({ results: z.array(MutationResultSchema) });
export type PushResult = z.infer<typeof PushResultSchema>;

/** Sent over the hub's WebSocket when something was written: desks pull when it is past their cursor. */
export const NudgeSchema = z.object({ type: z.literal('changes'), version: z.number().int().min(1) });
export type Nudge = z.infer<typeof NudgeSchema>;

/** What the desk shows of its link to the hub. */
export const SyncStatusSchema = z.object({
  /** signed_out: the hub needs this agent's password (none given, or the hub refused it or the saved session); the desk works offline meanwhile. */
  state: z.enum(['off', 'connecting', 'online', 'offline', 'signed_out']),
  /** Annotations and customers written here and not yet acknowledged by the hub. */
  pending: z.number().int().min(0),
  /** Mutations the hub refused for good (kept locally, shown so someone looks). */
  rejected: z.number().int().min(0),
  /** Why the latest of them was refused; null when none was. */
  lastRefusal: MutationRefusalSchema.nullable(),
  /** Since when the hub could not be reached; null while it can. */
  offlineSince: z.iso.datetime({ offset: true }).nullable(),
  lastSyncAt: z.iso.datetime({ offset: true }).nullable(),
  /** Why the last attempt failed, for the tooltip and the logs. */
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
