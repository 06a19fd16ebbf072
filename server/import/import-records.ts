/**
 * Reads an ERP or helpdesk feed, CSV or JSON Lines, into checked records, each with
 * the line it came from. A bad row becomes an error naming its line and field, and the
 * rows after it go on: one typo in a nightly feed of a million rows must not stop it.
 */
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { RegionSchema, TicketPrioritySchema, TicketStatusSchema, PhoneLabelSchema } from '../../shared/domain.js';
import { describeIssues } from '../../shared/desk-wire.js';
import { normalisePhone } from '../../shared/phone/normalise.js';

export type ImportKind = 'customers' | 'purchases' | 'tickets';
export type ImportFormat = 'csv' | 'jsonl';

/** Empty cells and JSON nulls mean "not given". */
const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(max));
const optional = (max: number) =>
  z.preprocess((v) => (v === '' || v === null || v === undefined ? null : typeof v === 'string' ? v.trim() : v), z.string().max(max).nullable());
const required = (max: number) => text(max).pipe(z.string().min(1, 'is required'));
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) => z.preprocess((v) => (v === '' || v === null || v === undefined ? fallback : v), schema);
const instant = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.string().refine((v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}/.test(v), 'is not a date or date-time such as 2026-03-02T10:00:00Z'),
).transform((v) => new Date(v).toISOString());

/** "12.50" → 1250 by string arithmetic: a float would turn 1.005 into 100.49999. */
const amountMinor = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(v).trim());
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not an amount such as 129.00 (at most two decimals)` });
      return z.NEVER;
    }
    const minor = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
    return match[1] ? -minor : minor;
  });

const phoneEntry = z.object({ number: z.string(), label: withDefault(PhoneLabelSchema, 'other') });
/** "0888 123 456:mobile; +359 2 981 2345:work", or in JSON an array of { number, label }. */
const phones = z.preprocess((v) => {
  if (typeof v !== 'string') return v ?? [];
  return v.split(';').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const colon = entry.lastIndexOf(':');
    return colon > 0 && /^[a-z]+$/i.test(entry.slice(colon + 1).trim())
      ? { number: entry.slice(0, colon).trim(), label: entry.slice(colon + 1).trim().toLowerCase() }
      : { number: entry };
  });
}, z.array(phoneEntry).max(10));

const CustomerRow = z.object({
  external_id: required(100),
  customer_number: required(32),
  first_name: text(100).default(''),
  last_name: text(100).default(''),
  company: optional(200),
  email: optional(200).pipe(z.email().nullable()),
  type: withDefault(z.enum(['person', 'business']), 'person'),
  country: optional(2).pipe(RegionSchema.nullable()),
  phones: phones.default([]),
});
const PurchaseRow = z.object({
  external_id: required(100),
  customer_external_id: required(100),
  order_number: required(100),
  product: required(200),
  quantity: withDefault(z.coerce.number().int().positive(), 1),
  amount: amountMinor,
  currency: required(3).pipe(z.string().regex(/^[A-Za-z]{3}$/, 'is not a three-letter currency code')).transform((c) => c.toUpperCase()),
  purchased_at: instant,
});
const TicketRow = z.object({
  external_id: required(100),
  customer_external_id: required(100),
  subject: required(500),
  status: withDefault(TicketStatusSchema, 'open'),
  priority: withDefault(TicketPrioritySchema, 'normal'),
  opened_at: instant,
  sla_due_at: z.preprocess((v) => (v === '' || v === null ? undefined : v), instant.optional()),
});

export interface ImportCustomer {
  externalId: string; customerNumber: string; firstName: string; lastName: string; company: string | null; email: string | null;
  type: 'person' | 'business'; country: string | null; phones: { e164: string; label: z.infer<typeof PhoneLabelSchema> }[];
}
export interface ImportPurchase {
  externalId: string; customerExternalId: string; orderNumber: string; product: string; quantity: number; amountMinor: number; currency: string; purchasedAt: string;
}
export interface ImportTicket {
  externalId: string; customerExternalId: string; subject: string; status: z.infer<typeof TicketStatusSchema>;
  priority: z.infer<typeof TicketPrioritySchema>; openedAt: string; slaDueAt: string | null;
}
export type ImportRecord<K extends ImportKind> = K extends 'customers' ? ImportCustomer : K extends 'purchases' ? ImportPurchase : ImportTicket;
export type ImportItem<K extends ImportKind> = { line: number; record: ImportRecord<K> } | { line: number; error: string };

type Checked<K extends ImportKind> = { record: ImportRecord<K> } | { error: string };

function check(kind: ImportKind, row: unknown, region: string): Checked<ImportKind> {
  if (kind === 'customers') {
    const parsed = CustomerRow.safeParse(row);
    if (!parsed.success) return { error: describeIssues(parsed.error) };
    const c = parsed.data;
    if (c.first_name === '' && c.last_name === '' && c.company === null) return { error: 'a customer needs first_name, last_name or company' };
    const numbers: ImportCustomer['phones'] = [];
    for (const { number, label } of c.phones) {
      const phone = normalisePhone(number, region);
      if (phone.kind !== 'e164') return { error: `phone "${number}" is not a valid number (${phone.kind === 'invalid' ? phone.reason : phone.kind})` };
      numbers.push({ e164: phone.e164, label });
    }
    return {
      record: {
        externalId: c.external_id, customerNumber: c.customer_number, firstName: c.first_name, lastName: c.last_name,
        company: c.company, email: c.email, type: c.type, country: c.country, phones: numbers,
      },
    };
  }
  if (kind === 'purchases') {
    const parsed = PurchaseRow.safeParse(row);
    if (!parsed.success) return { error: describeIssues(parsed.error) };
    const p = parsed.data;
    return {
      record: {
        externalId: p.external_id, customerExternalId: p.customer_external_id, orderNumber: p.order_number, product: p.product,
        quantity: p.quantity, amountMinor: p.amount, currency: p.currency, purchasedAt: p.purchased_at,
      },
    };
  }
  const parsed = TicketRow.safeParse(row);
  if (!parsed.success) return { error: describeIssues(parsed.error) };
  const t = parsed.data;
  return {
    record: {
      externalId: t.external_id, customerExternalId: t.customer_external_id, subject: t.subject, status: t.status,
      priority: t.priority, openedAt: t.opened_at, slaDueAt: t.sla_due_at ?? null,
    },
  };
}

export function formatOf(fileName: string): ImportFormat {
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return 'jsonl';
  throw new Error(`${fileName}: a feed is CSV (.csv) or JSON Lines, one object per line (.jsonl, .ndjson)`);
}

type Input = NodeJS.ReadableStream | AsyncIterable<string | Buffer>;

export async function* readImportRecords<K extends ImportKind>(
  kind: K,
  input: Input,
  { format, region }: { format: ImportFormat; region: string },
): AsyncIterable<ImportItem<K>> {
  const rows = format === 'csv' ? csvRows(input) : jsonLines(input);
  for await (const row of rows) {
    if ('error' in row && row.value === undefined) {
      yield { line: row.line, error: `${kind}: line ${row.line}: ${row.error}` };
      continue;
    }
    const checked = check(kind, row.value, region);
    yield 'error' in checked
      ? { line: row.line, error: `${kind}: line ${row.line}: ${checked.error}` }
      : { line: row.line, record: checked.record as ImportRecord<K> };
  }
}

type RawRow = { line: number; value: unknown; error?: undefined } | { line: number; value?: undefined; error: string };

async function* csvRows(input: Input): AsyncIterable<RawRow> {
  const parser = Readable.from(input as AsyncIterable<string | Buffer>).pipe(
    parse({ columns: true, bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }),
  );
  let line = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      line = info.lines;
      yield { line, value: record };
    }
  } catch (err) {
    yield { line: (err as { lines?: number }).lines ?? line, error: `not valid CSV: ${(err as Error).message}` };
  }
}

async function* jsonLines(input: Input): AsyncIterable<RawRow> {
  let line = 0;
  for await (const text of createInterface({ input: Readable.from(input as AsyncIterable<string | Buffer>), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) yield { line, error: 'not a JSON object' };
      else yield { line, value };
    } catch (err) {
      yield { line, error: `not valid JSON (${(err as Error).message})` };
    }
  }
}
