/**
 * Loads an ERP or helpdesk feed into the hub: upserts by the feed's own external id,
 * a thousand rows per statement. A row that is unchanged keeps its version, so
 * importing the same feed nightly sends desks nothing new. When a batch trips over a
 * constraint, it is retried row by row, so only the offending rows are reported (with
 * their line) and every good row is kept.
 */
import type { Pool, PoolClient } from 'pg';
import { isDataError, writeTransaction } from '../db/pool.js';
import { type ImportCustomer, type ImportFormat, type ImportKind, type ImportPurchase, type ImportRecord, type ImportTicket, readImportRecords } from './import-records.js';

const BATCH = 1_000;

export interface ImportReport {
  kind: ImportKind;
  /** Rows read and valid. */
  accepted: number;
  /** Rows that changed the hub (new or different). */
  changed: number;
  rejected: { line: number; reason: string }[];
}

type Numbered<K extends ImportKind> = { line: number; record: ImportRecord<K> };
type Upsert<K extends ImportKind> = (client: PoolClient, rows: ImportRecord<K>[]) => Promise<{ changed: number; missing: Set<string> }>;

const UPSERTS: { [K in ImportKind]: Upsert<K> } = { customers: upsertCustomers, purchases: upsertPurchases, tickets: upsertTickets };

export async function importFeed<K extends ImportKind>(
  pool: Pool,
  kind: K,
  input: NodeJS.ReadableStream,
  options: { format: ImportFormat; region: string },
): Promise<ImportReport> {
  const report: ImportReport = { kind, accepted: 0, changed: 0, rejected: [] };
  let batch: Numbered<K>[] = [];
  const flush = async () => {
    if (batch.length > 0) await writeBatch(pool, UPSERTS[kind] as Upsert<K>, latestPerExternalId(batch), report);
    batch = [];
  };
  for await (const item of readImportRecords(kind, input, options)) {
    if ('error' in item) {
      report.rejected.push({ line: item.line, reason: item.error });
      continue;
    }
    report.accepted++;
    batch.push(item);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

/** A feed may list one external id twice; the later row is the newer truth, and one statement may touch a row only once. */
function latestPerExternalId<K extends ImportKind>(batch: Numbered<K>[]): Numbered<K>[] {
  return [...new Map(batch.map((row) => [row.record.externalId, row])).values()];
}

async function writeBatch<K extends ImportKind>(pool: Pool, upsert: Upsert<K>, rows: Numbered<K>[], report: ImportReport): Promise<void> {
  try {
    report.changed += await writeTransaction(pool, async (client) => {
      const { changed, missing } = await upsert(client, rows.map((r) => r.record));
      if (missing.size > 0) throw new RowRefused('some rows belong to customers the hub has not got');
      return changed;
    });
    return;
  } catch (err) {
    if (!(err instanceof RowRefused) && !isDataError(err)) throw err;
  }
  for (const row of rows) {
    try {
      report.changed += await writeTransaction(pool, async (client) => {
        const { changed, missing } = await upsert(client, [row.record]);
        if (missing.size > 0) throw new RowRefused(`no customer with external_id "${[...missing][0]}" on the hub; import customers first`);
        return changed;
      });
    } catch (err) {
      if (!(err instanceof RowRefused) && !isDataError(err)) throw err;
      report.rejected.push({ line: row.line, reason: (err as Error).message });
    }
  }
}

class RowRefused extends Error {}

async function upsertCustomers(client: PoolClient, rows: ImportCustomer[]) {
  const { rows: written } = await client.query<{ id: string; external_id: string }>(
    `INSERT INTO customers (id, external_id, customer_number, first_name, last_name, company, email, type, country, source, created_at, updated_at, version)
     SELECT gen_random_uuid()::text, x.*, 'import', now(), now(), nextval('change_version')
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS x(external_id, customer_number, first_name, last_name, company, email, type, country)
     ON CONFLICT (external_id) DO UPDATE SET
       customer_number = EXCLUDED.customer_number, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
       company = EXCLUDED.company, email = EXCLUDED.email, type = EXCLUDED.type, country = EXCLUDED.country,
       updated_at = now(), version = EXCLUDED.version
     WHERE (customers.customer_number, customers.first_name, customers.last_name, customers.company, customers.email, customers.type, customers.country)
       IS DISTINCT FROM (EXCLUDED.customer_number, EXCLUDED.first_name, EXCLUDED.last_name, EXCLUDED.company, EXCLUDED.email, EXCLUDED.type, EXCLUDED.country)
     RETURNING id, external_id`,
    columns(rows, ['externalId', 'customerNumber', 'firstName', 'lastName', 'company', 'email', 'type', 'country']),
  );
  const changedIds = new Set(written.map((r) => r.id));
  // Phones are part of the customer: a changed set gives the customer a new version even when no field changed.
  const ids = await client.query<{ id: string; external_id: string; phones: string | null }>(
    `SELECT c.id, c.external_id, (SELECT string_agg(e164 || ':' || label, ',' ORDER BY e164) FROM phones p WHERE p.customer_id = c.id) AS phones
     FROM customers c WHERE c.external_id = ANY($1)`,
    [rows.map((r) => r.externalId)],
  );
  const byExternal = new Map(ids.rows.map((r) => [r.external_id, r]));
  const phoneChanged: string[] = [];
  const owners: string[] = [];
  const numbers: string[] = [];
  const labels: string[] = [];
  for (const row of rows) {
    const current = byExternal.get(row.externalId)!;
    const wanted = [...new Map(row.phones.map((p) => [p.e164, p])).values()].sort((a, b) => a.e164.localeCompare(b.e164));
    if ((current.phones ?? '') === wanted.map((p) => `${p.e164}:${p.label}`).join(',')) continue;
    phoneChanged.push(current.id);
    for (const phone of wanted) {
      owners.push(current.id);
      numbers.push(phone.e164);
      labels.push(phone.label);
    }
  }
  if (phoneChanged.length > 0) {
    await client.query('DELETE FROM phones WHERE customer_id = ANY($1)', [phoneChanged]);
    await client.query('INSERT INTO phones (customer_id, e164, label) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [owners, numbers, labels]);
    const bump = phoneChanged.filter((id) => !changedIds.has(id));
    if (bump.length > 0) await client.query("UPDATE customers SET version = nextval('change_version'), updated_at = now() WHERE id = ANY($1)", [bump]);
    for (const id of phoneChanged) changedIds.add(id);
  }
  return { changed: changedIds.size, missing: new Set<string>() };
}

/** The hub ids of the customers the rows belong to; the ones the hub has not got are reported as missing. */
async function ownersOf(client: PoolClient, rows: { customerExternalId: string }[]) {
  const { rows: found } = await client.query<{ id: string; external_id: string }>(
    'SELECT id, external_id FROM customers WHERE external_id = ANY($1)',
    [[...new Set(rows.map((r) => r.customerExternalId))]],
  );
  const ids = new Map(found.map((r) => [r.external_id, r.id]));
  return { ids, missing: new Set(rows.map((r) => r.customerExternalId).filter((id) => !ids.has(id))) };
}

async function upsertPurchases(client: PoolClient, rows: ImportPurchase[]) {
  const { ids, missing } = await ownersOf(client, rows);
  if (missing.size > 0) return { changed: 0, missing };
  const { rowCount } = await client.query(
    `INSERT INTO purchases (id, external_id, customer_id, order_number, product, quantity, amount_minor, currency, purchased_at, version)
     SELECT gen_random_uuid()::text, x.*, nextval('change_version')
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::text[], $8::timestamptz[])
       AS x(external_id, customer_id, order_number, product, quantity, amount_minor, currency, purchased_at)
     ON CONFLICT (external_id) DO UPDATE SET
       customer_id = EXCLUDED.customer_id, order_number = EXCLUDED.order_number, product = EXCLUDED.product, quantity = EXCLUDED.quantity,
       amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency, purchased_at = EXCLUDED.purchased_at, version = EXCLUDED.version
     WHERE (purchases.customer_id, purchases.order_number, purchases.product, purchases.quantity, purchases.amount_minor, purchases.currency, purchases.purchased_at)
       IS DISTINCT FROM (EXCLUDED.customer_id, EXCLUDED.order_number, EXCLUDED.product, EXCLUDED.quantity, EXCLUDED.amount_minor, EXCLUDED.currency, EXCLUDED.purchased_at)`,
    columns(rows.map((r) => ({ ...r, customerId: ids.get(r.customerExternalId)! })), [
      'externalId', 'customerId', 'orderNumber', 'product', 'quantity', 'amountMinor', 'currency', 'purchasedAt',
    ]),
  );
  return { changed: rowCount ?? 0, missing };
}

/** Ticket status is the hub's, and the helpdesk feed is where the hub learns it. */
async function upsertTickets(client: PoolClient, rows: ImportTicket[]) {
  const { ids, missing } = await ownersOf(client, rows);
  if (missing.size > 0) return { changed: 0, missing };
  const { rowCount } = await client.query(
    `INSERT INTO tickets (id, external_id, customer_id, subject, status, priority, opened_at, sla_due_at, version)
     SELECT gen_random_uuid()::text, x.*, nextval('change_version')
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
       AS x(external_id, customer_id, subject, status, priority, opened_at, sla_due_at)
     ON CONFLICT (external_id) DO UPDATE SET
       customer_id = EXCLUDED.customer_id, subject = EXCLUDED.subject, status = EXCLUDED.status, priority = EXCLUDED.priority,
       opened_at = EXCLUDED.opened_at, sla_due_at = EXCLUDED.sla_due_at, version = EXCLUDED.version
     WHERE (tickets.customer_id, tickets.subject, tickets.status, tickets.priority, tickets.opened_at, tickets.sla_due_at)
       IS DISTINCT FROM (EXCLUDED.customer_id, EXCLUDED.subject, EXCLUDED.status, EXCLUDED.priority, EXCLUDED.opened_at, EXCLUDED.sla_due_at)`,
    columns(rows.map((r) => ({ ...r, customerId: ids.get(r.customerExternalId)! })), [
      'externalId', 'customerId', 'subject', 'status', 'priority', 'openedAt', 'slaDueAt',
    ]),
  );
  return { changed: rowCount ?? 0, missing };
}

/** Column arrays for unnest(): one statement carries a whole batch. */
function columns<T>(rows: T[], keys: (keyof T)[]): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key] ?? null));
}
