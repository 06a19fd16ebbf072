/**
 * The sync contract between desks and the hub: sessions, pages of changes pulled
 * after a cursor, and mutations pushed from a desk's outbox. The hub validates every
 * request with these schemas and the desk validates every answer, so both sides
 * reject the same malformed message the same way.
 */
import { z } from 'zod';
import { CustomerSchema, InteractionSchema, PhoneSchema, PurchaseSchema, TicketSchema } from './domain.js';

export const AgentRoleSchema = z.enum(['operator', 'supervisor', 'admin']);
export type AgentRole = z.infer<typeof AgentRoleSchema>;

export const AgentSchema = z.object({
  id: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  role: AgentRoleSchema,
});
export type Agent = z.infer<typeof AgentSchema>;

export const LoginRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const SessionSchema = z.object({ token: z.string().min(32), agent: AgentSchema, expiresAt: z.iso.datetime({ offset: true }) });
export type Session = z.infer<typeof SessionSchema>;

export const NewAgentSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9._-]{1,64}$/, 'lower-case letters, digits, ".", "_" or "-"'),
  name: z.string().trim().min(1).max(100),
  role: AgentRoleSchema,
  password: z.string().min(10, 'a password needs at least 10 characters').max(200),
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

export const PullQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(PULL_PAGE_MAX).default(1_000),
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
  customerId: z.string().min(1).max(64),
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
    payload: z.strictObject({ customerId: z.string().min(1).max(64), fields: CustomerEditSchema, at: z.iso.datetime({ offset: true }) }),
  }),
]);
export type Mutation = z.infer<typeof MutationSchema>;
export type MutationKind = Mutation['kind'];

export const PUSH_BATCH_MAX = 500;

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

/** The body of every error the hub answers with. */
export const HubErrorSchema = z.object({ error: z.string(), message: z.string() });

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
