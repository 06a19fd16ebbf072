/**
 * Reads an ERP or helpdesk feed, CSV or JSON Lines, into checked records, each with
 * the line it came from. A bad row becomes an error naming its line and field, and the
 * rows after it go on: one typo in a nightly feed of a million rows must not stop it.
 * Writing the records to the hub is import-feed.ts's job.
 */
import { z } from 'zod';
import {
  type Customer,
  type NormalisedPhone,
  type Phone,
  PhoneLabelSchema,
  type Purchase,
  RegionSchema,
  type Ticket,
  TicketPrioritySchema,
  TicketStatusSchema,
} from '../../shared/domain.js';
import { describeIssues } from '../../shared/zod-issues.js';
import { type InvalidReason, normalisePhone } from '../../shared/phone/normalise.js';
import { singleLineText, TEXT_BOUNDS, type TextField } from '../../shared/text-rules.js';
import { feedIssueMessage } from './feed-issues.js';
import { csvRows, type FeedInput, jsonLines } from './read-rows.js';

export type ImportKind = 'customers' | 'purchases' | 'tickets';
export type ImportFormat = 'csv' | 'jsonl';
type PhoneLabel = z.infer<typeof PhoneLabelSchema>;

/** The customer fields a feed carries; a field added to Customer is not imported until it is named here and read below. */
export const FEED_CUSTOMER_FIELDS = ['customerNumber', 'firstName', 'lastName', 'company', 'email', 'type', 'country'] as const satisfies readonly (keyof Customer)[];
/** Rows are keyed by the feed's own id (`externalId`); the hub gives a row its own id when it first sees it. */
export type ImportCustomer = Pick<Customer, (typeof FEED_CUSTOMER_FIELDS)[number]> & { externalId: string; phones: Phone[] };
/** A purchase or ticket names its customer by the customer's id in the feed. */
export type ImportPurchase = Omit<Purchase, 'id' | 'customerId'> & { externalId: string; customerExternalId: string };
export type ImportTicket = Omit<Ticket, 'id' | 'customerId'> & { externalId: string; customerExternalId: string };
export type ImportRecord<K extends ImportKind> = K extends 'customers' ? ImportCustomer : K extends 'purchases' ? ImportPurchase : ImportTicket;
export type ImportItem<K extends ImportKind> = { line: number; record: ImportRecord<K> } | { line: number; error: string };

/** CSV gives text, JSON may give an id as a number; an empty cell or a JSON null means "not given". */
const given = (v: unknown) => {
  const value = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v;
  return value === '' || value === null ? undefined : value;
};
/** A field the hub stores, under the same rule the desks apply when they pull it. */
const required = (field: TextField) => z.preprocess(given, z.string().pipe(singleLineText(field)));
/** A value the importer reads into something else (an amount, a time): only its length matters. */
const readable = z.preprocess(given, z.string().max(40));
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(given, schema.optional()).transform((v) => v ?? null);
/** Feeds spell enum values "Open" or "HIGH" as readily as "open". */
const choice = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((v) => { const g = given(v); return typeof g === 'string' ? g.toLowerCase() : g ?? fallback; }, schema);
const fail = (ctx: z.RefinementCtx, message: string) => (ctx.addIssue({ code: 'custom', message }), z.NEVER);

/** "12.50" → 1250 by string arithmetic: as a float, 1.005 * 100 is 100.49999999999999. */
const amountMinor = readable.transform((v, ctx) => {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(v);
  if (!match) return fail(ctx, `"${v}" is not a number`);
  const [, sign, units = '', decimals = ''] = match;
  if (decimals.length > 2) return fail(ctx, `"${v}" is not an amount such as 129.00 (at most two decimals)`);
  const minor = Number(units + decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) return fail(ctx, `"${v}" is too large`);
  return sign && minor > 0 ? -minor : minor;
});

const IsoDate = z.iso.date();
const IsoDateTime = z.iso.datetime({ offset: true });
const LocalDateTime = z.iso.datetime({ local: true });
/** Checked against the calendar first: Date would quietly turn 2026-02-31 into 3 March. A bare date is midnight UTC. */
const instant = readable.transform((v, ctx) => {
  if (IsoDate.safeParse(v).success || IsoDateTime.safeParse(v).success) return new Date(v).toISOString();
  return fail(ctx, LocalDateTime.safeParse(v).success
    ? `"${v}" has no time zone; add Z or an offset such as +02:00`
    : `is not a date such as 2026-03-02 or date-time such as 2026-03-02T10:00:00Z ("${v}")`);
});

/** "0888 123 456:mobile; +359 2 981 2345:work"; a trailing word after the last colon is the label. */
const splitPhones = (cell: string) =>
  cell.split(';').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const colon = entry.lastIndexOf(':');
    const label = entry.slice(colon + 1).trim();
    return colon > 0 && /^[a-z]+$/i.test(label) ? { number: entry.slice(0, colon), label } : { number: entry };
  });
const PhoneEntry = z.object({ number: required('remoteAsReceived'), label: choice(PhoneLabelSchema, 'other') });
const phoneList = z.preprocess((v) => { const g = given(v); return typeof g === 'string' ? splitPhones(g) : g ?? []; }, z.array(PhoneEntry).max(10));

/** The normaliser's reason codes, put in words for whoever fixes the feed. */
const REASONS: Record<InvalidReason, string> = {
  'not-a-number': 'no digits to dial',
  'too-short': 'too short',
  'too-long': 'too long',
  'unknown-country-code': 'unknown country code',
  'not-a-valid-number': 'not in its country’s numbering plan',
};
function whyNot(phone: Exclude<NormalisedPhone, { kind: 'e164' }>): string {
  if (phone.kind === 'invalid') return REASONS[phone.reason as InvalidReason] ?? phone.reason;
  return phone.kind === 'internal' ? 'too short: an internal extension, not a customer’s number' : 'a withheld-caller word, not a number';
}

function schemas(region: string): { [K in ImportKind]: z.ZodType<ImportRecord<K>> } {
  const customers = z.object({
    external_id: required('externalId'),
    customer_number: required('customerNumber'),
    first_name: optional(singleLineText('personName')),
    last_name: optional(singleLineText('personName')),
    company: optional(singleLineText('company')),
    email: optional(z.email().max(TEXT_BOUNDS.email)),
    type: choice(z.enum(['person', 'business']), 'person'),
    country: z.preprocess((v) => { const g = given(v); return typeof g === 'string' ? g.toUpperCase() : g; }, RegionSchema.optional()),
    phones: phoneList,
  }).transform((c, ctx): ImportCustomer => {
    if (!c.first_name && !c.last_name && !c.company) fail(ctx, 'a customer needs first_name, last_name or company');
    const phones = new Map<string, PhoneLabel>();
    for (const { number, label } of c.phones) {
      const phone = normalisePhone(number, region);
      if (phone.kind !== 'e164') fail(ctx, `phone "${number}" is not a valid number (${whyNot(phone)})`);
      // The hub keys phones by customer and number: the same number twice keeps its first label.
      else if (!phones.has(phone.e164)) phones.set(phone.e164, label);
    }
    return {
      externalId: c.external_id, customerNumber: c.customer_number, firstName: c.first_name ?? '', lastName: c.last_name ?? '',
      company: c.company, email: c.email, type: c.type, country: c.country ?? null, phones: [...phones].map(([e164, label]) => ({ e164, label })),
    };
  });
  const purchases = z.object({
    external_id: required('externalId'),
    customer_external_id: required('externalId'),
    order_number: required('orderNumber'),
    product: required('product'),
    quantity: z.preprocess((v) => given(v) ?? 1, z.coerce.number<unknown>().int('must be a whole number').positive('must be 1 or more')),
    amount: amountMinor,
    currency: z.preprocess(given, z.string()).pipe(z.string().regex(/^[A-Za-z]{3}$/, 'is not a three-letter currency code such as EUR')).transform((c) => c.toUpperCase()),
    purchased_at: instant,
  }).transform((p): ImportPurchase => ({
    externalId: p.external_id, customerExternalId: p.customer_external_id, orderNumber: p.order_number, product: p.product,
    quantity: p.quantity, amountMinor: p.amount, currency: p.currency, purchasedAt: p.purchased_at,
  }));
  const tickets = z.object({
    external_id: required('externalId'),
    customer_external_id: required('externalId'),
    subject: required('ticketSubject'),
    status: choice(TicketStatusSchema, 'open'),
    priority: choice(TicketPrioritySchema, 'normal'),
    opened_at: instant,
    sla_due_at: z.preprocess(given, instant.optional()),
  }).transform((t): ImportTicket => ({
    externalId: t.external_id, customerExternalId: t.customer_external_id, subject: t.subject, status: t.status,
    priority: t.priority, openedAt: t.opened_at, slaDueAt: t.sla_due_at ?? null,
  }));
  return { customers, purchases, tickets };
}

export function formatOf(fileName: string): ImportFormat {
  if (/\.csv$/i.test(fileName)) return 'csv';
  // Not .json: an export that is one JSON array would be misread line by line.
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return 'jsonl';
  throw new Error(`${fileName}: a feed is CSV (.csv) or JSON Lines, one object per line (.jsonl, .ndjson)`);
}

export async function* readImportRecords<K extends ImportKind>(
  kind: K,
  input: FeedInput,
  { format, region }: { format: ImportFormat; region: string },
): AsyncIterable<ImportItem<K>> {
  // A wrong region would misread every national number in the feed: refuse the run, not the rows.
  const schema: z.ZodType<ImportRecord<K>> = schemas(RegionSchema.parse(region))[kind];
  for await (const row of format === 'csv' ? csvRows(input) : jsonLines(input)) {
    if (row.error !== undefined) {
      yield { line: row.line, error: `${kind}: line ${row.line}: ${row.error}` };
      continue;
    }
    const parsed = schema.safeParse(row.value, { error: feedIssueMessage });
    yield parsed.success
      ? { line: row.line, record: parsed.data }
      : { line: row.line, error: `${kind}: line ${row.line}: ${describeIssues(parsed.error)}` };
  }
}
