/**
 * The domain model every part of Agent Desk speaks: schemas first, types derived
 * from them, so a value that crosses a boundary is checked against the same
 * definition the compiler uses.
 */
import { z } from 'zod';
import { customerDisplayName, NAMELESS_CUSTOMER } from './customer-name.js';
import type { DeskErrorKey } from './desk-wire.js';
import { localisedLabelSchema } from './i18n/localised-label.js';
import { multiLineText, singleLineText, TEXT_BOUNDS } from './text-rules.js';

export const RegionSchema = z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166 region, e.g. "BG"');
export type Region = z.infer<typeof RegionSchema>;

/** ITU-T E.164: "+", a country code, at most 15 digits in all. */
export const E164Schema = z.string().regex(/^\+[1-9]\d{5,14}$/, 'an E.164 number such as +359888123456');
export type E164 = z.infer<typeof E164Schema>;

const Id = singleLineText('id').min(1);
const CallId = singleLineText('callId').min(1);
const DispositionCode = singleLineText('dispositionCode').min(1).regex(/^[a-z0-9_-]+$/);
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
  customerNumber: singleLineText('customerNumber').min(1),
  firstName: singleLineText('personName'),
  lastName: singleLineText('personName'),
  company: singleLineText('company').nullable(),
  email: singleLineText('email').nullable(),
  type: CustomerTypeSchema,
  industry: singleLineText('category').nullable(),
  source: singleLineText('category').nullable(),
  tags: z.array(singleLineText('tag')).max(50),
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
  orderNumber: singleLineText('orderNumber'),
  product: singleLineText('product'),
  quantity: z.number().int().positive(),
  /** Minor units (cents, stotinki…) so sums never drift. */
  amountMinor: z.number().int(),
  /** ISO 4217. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as EUR'),
  purchasedAt: IsoTime,
});
export type Purchase = z.infer<typeof PurchaseSchema>;

export const TicketStatusSchema = z.enum(['open', 'pending', 'resolved', 'closed']);
export const TicketPrioritySchema = z.enum(['urgent', 'high', 'normal', 'low']);
export const TicketSchema = z.object({
  id: Id,
  customerId: Id,
  subject: singleLineText('ticketSubject'),
  status: TicketStatusSchema,
  priority: TicketPrioritySchema,
  openedAt: IsoTime,
  slaDueAt: IsoTime.nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

const InteractionKindSchema = z.enum(['call', 'note']);
export const InteractionSchema = z.object({
  id: Id,
  customerId: Id.nullable(),
  kind: InteractionKindSchema,
  callId: CallId.nullable(),
  phone: E164Schema.nullable(),
  disposition: DispositionCode.nullable(),
  note: multiLineText('note'),
  followUpOn: IsoDate.nullable(),
  agent: Id,
  /** The agent's name as the hub (or, for their own notes, this desk) knows it; none from a hub that does not say. */
  agentName: singleLineText('displayName').nullable().optional(),
  at: IsoTime,
});
export type Interaction = z.infer<typeof InteractionSchema>;

/** One entry of the desk's configurable list of call outcomes; its label one string, or one per language. */
export const DispositionSchema = z.object({
  code: DispositionCode,
  label: localisedLabelSchema(singleLineText('dispositionLabel')),
});
export type Disposition = z.infer<typeof DispositionSchema>;

/** What the operator writes about a call or a customer; saved with its outbox row in one transaction. */
export const AnnotationFieldsSchema = z.object({
  /** Client-generated, so a retried save is recognised and never stored twice. */
  mutationId: z.uuid(),
  callId: CallId.nullable(),
  customerId: Id.nullable(),
  phone: E164Schema.nullable(),
  note: multiLineText('note'),
  disposition: DispositionCode,
  followUpOn: IsoDate.nullable(),
});
export const AnnotationSchema = AnnotationFieldsSchema
  .refine((a) => a.customerId !== null || a.phone !== null || a.callId !== null, {
    message: 'an annotation needs a customer, a phone number or a call',
  });
export type Annotation = z.infer<typeof AnnotationSchema>;

export const NewCustomerSchema = z.object({
  mutationId: z.uuid(),
  firstName: singleLineText('personName').trim(),
  lastName: singleLineText('personName').trim(),
  company: singleLineText('company').trim().nullable(),
  email: z.email().max(TEXT_BOUNDS.email).nullable(),
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

/** One page of a search: the first customers and how many matched in all. */
export const CustomerSearchResultSchema = z.object({
  customers: z.array(CustomerSummarySchema),
  matched: z.number().int().min(0),
  /** The desk stopped counting at `matched`: there are more, and typing more narrows them. */
  capped: z.boolean(),
});
export type CustomerSearchResult = z.infer<typeof CustomerSearchResultSchema>;

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
