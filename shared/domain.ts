/**
 * The domain model every part of Agent Desk speaks: schemas first, types derived
 * from them, so a value that crosses a boundary is checked against the same
 * definition the compiler uses.
 */
import { z } from 'zod';
import { customerDisplayName, NAMELESS_CUSTOMER } from './customer-name.js';
import type { DeskErrorKey } from './desk-wire.js';
import { localisedLabelSchema } from './i18n/localised-label.js';

export const RegionSchema = z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166 region, e.g. "BG"');
export type Region = z.infer<typeof RegionSchema>;

/** ITU-T E.164: "+", a country code, at most 15 digits in all. */
export const E164Schema = z.string().regex(/^\+[1-9]\d{5,14}$/, 'an E.164 number such as +359888123456');
export type E164 = z.infer<typeof E164Schema>;

const Id = z.string().min(1).max(64);
const IsoTime = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();

/** What the normaliser makes of whatever a bridge reported as the remote party. */
export const NormalisedPhoneSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('e164'),
    raw: z.string(),
    e164: E164Schema,
    /** The national significant number, used for the probable-match fallback. */
    nationalNumber: z.string(),
    country: RegionSchema.optional(),
    extension: z.string().optional(),
  }),
  z.object({ kind: z.literal('withheld'), raw: z.string() }),
  z.object({ kind: z.literal('internal'), raw: z.string(), extension: z.string() }),
  z.object({
    kind: z.literal('invalid'),
    raw: z.string(),
    reason: z.string(),
    /** Significant digits (no international or trunk prefix), when there are any worth a probable lookup. */
    digits: z.string().optional(),
  }),
]);
export type NormalisedPhone = z.infer<typeof NormalisedPhoneSchema>;

export const CustomerTypeSchema = z.enum(['person', 'business']);
export type CustomerType = z.infer<typeof CustomerTypeSchema>;

export const CustomerSchema = z.object({
  id: Id,
  customerNumber: z.string().min(1).max(32),
  firstName: z.string().max(100),
  lastName: z.string().max(100),
  company: z.string().max(200).nullable(),
  email: z.string().max(200).nullable(),
  type: CustomerTypeSchema,
  industry: z.string().max(100).nullable(),
  source: z.string().max(100).nullable(),
  tags: z.array(z.string().max(50)).max(50),
  country: RegionSchema.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Customer = z.infer<typeof CustomerSchema>;

export const PhoneLabelSchema = z.enum(['mobile', 'work', 'home', 'other']);
export const PhoneSchema = z.object({ e164: E164Schema, label: PhoneLabelSchema });
export type Phone = z.infer<typeof PhoneSchema>;

export const PurchaseSchema = z.object({
  id: Id,
  customerId: Id,
  orderNumber: z.string(),
  product: z.string(),
  quantity: z.number().int().positive(),
  /** Minor units (cents, stotinki…) so sums never drift. */
  amountMinor: z.number().int(),
  currency: z.string().length(3),
  purchasedAt: IsoTime,
});
export type Purchase = z.infer<typeof PurchaseSchema>;

export const TicketStatusSchema = z.enum(['open', 'pending', 'resolved', 'closed']);
export const TicketPrioritySchema = z.enum(['urgent', 'high', 'normal', 'low']);
export const TicketSchema = z.object({
  id: Id,
  customerId: Id,
  subject: z.string(),
  status: TicketStatusSchema,
  priority: TicketPrioritySchema,
  openedAt: IsoTime,
  slaDueAt: IsoTime.nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;
export type TicketPriority = z.infer<typeof TicketPrioritySchema>;

export const InteractionKindSchema = z.enum(['call', 'note']);
export const InteractionSchema = z.object({
  id: Id,
  customerId: Id.nullable(),
  kind: InteractionKindSchema,
  callId: z.string().nullable(),
  phone: E164Schema.nullable(),
  disposition: z.string().nullable(),
  note: z.string(),
  followUpOn: IsoDate.nullable(),
  agent: z.string(),
  /** The agent's name as the hub (or, for their own notes, this desk) knows it; none from a hub that does not say. */
  agentName: z.string().max(100).nullable().optional(),
  at: IsoTime,
});
export type Interaction = z.infer<typeof InteractionSchema>;

/** One entry of the desk's configurable list of call outcomes; its label one string, or one per language. */
export const DispositionSchema = z.object({
  code: z.string().min(1).max(40).regex(/^[a-z0-9_-]+$/),
  label: localisedLabelSchema(80),
});
export type Disposition = z.infer<typeof DispositionSchema>;

/** What the operator writes about a call or a customer; saved with its outbox row in one transaction. */
export const AnnotationSchema = z
  .object({
    /** Client-generated, so a retried save is recognised and never stored twice. */
    mutationId: z.uuid(),
    callId: z.string().min(1).max(128).nullable(),
    customerId: Id.nullable(),
    phone: E164Schema.nullable(),
    note: z.string().max(10_000),
    disposition: z.string().min(1).max(40),
    followUpOn: IsoDate.nullable(),
  })
  .refine((a) => a.customerId !== null || a.phone !== null || a.callId !== null, {
    message: 'an annotation needs a customer, a phone number or a call',
  });
export type Annotation = z.infer<typeof AnnotationSchema>;

export const NewCustomerSchema = z.object({
  mutationId: z.uuid(),
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().max(100),
  company: z.string().trim().max(200).nullable(),
  email: z.email().max(200).nullable(),
  type: CustomerTypeSchema,
  phones: z.array(PhoneSchema).max(10),
}).refine((c) => customerDisplayName(c) !== '', { message: NAMELESS_CUSTOMER, params: { errorKey: 'namelessCustomer' satisfies DeskErrorKey } });
export type NewCustomer = z.infer<typeof NewCustomerSchema>;

/** The few fields a search result or a chooser row needs. */
export const CustomerSummarySchema = CustomerSchema.pick({
  id: true,
  customerNumber: true,
  firstName: true,
  lastName: true,
  company: true,
  email: true,
}).extend({ phones: z.array(E164Schema) });
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

/** Everything the pop card shows of one customer. */
export const CustomerCardSchema = z.object({
  customer: CustomerSchema,
  phones: z.array(PhoneSchema),
  /** Most recent first. */
  purchases: z.array(PurchaseSchema),
  /** Open and pending first, by priority, then the most recently opened. */
  tickets: z.array(TicketSchema),
  /** Most recent first. */
  interactions: z.array(InteractionSchema),
});
export type CustomerCard = z.infer<typeof CustomerCardSchema>;
