/**
 * Pull: the changes after a desk's cursor, in version order, a page at a time. Each
 * table is read by its version index; the page is the first `limit` of their union.
 * A page is self-contained: when a purchase, ticket or note in it belongs to a customer
 * whose own newest version lies after the page, that customer rides along, so a desk
 * never holds a row whose customer it has not got.
 */
import type { Pool } from 'pg';
import type { Change, PullPage, PullQuerySchema } from '../../shared/sync.js';
import type { z } from 'zod';
import { toCustomer, toInteraction, toPhones, toPurchase, toTicket } from '../db/rows.js';

type Row = Record<string, unknown> & { version: number };

const CUSTOMER_SELECT = `
  SELECT c.*, COALESCE((SELECT json_agg(json_build_object('e164', p.e164, 'label', p.label) ORDER BY p.e164)
                        FROM phones p WHERE p.customer_id = c.id), '[]') AS phones
  FROM customers c`;

const toCustomerChange = (r: Row): Change => ({ entity: 'customer', version: r.version, customer: toCustomer(r), phones: toPhones(r) });

export async function pullChanges(pool: Pool, query: z.output<typeof PullQuerySchema>): Promise<PullPage> {
  const { after, limit } = query;
  const since = query.historySince ?? '-infinity';
  const [customers, purchases, tickets, interactions] = await Promise.all([
    pool.query<Row>(`${CUSTOMER_SELECT} WHERE c.version > $1 ORDER BY c.version LIMIT $2`, [after, limit]),
    pool.query<Row>('SELECT * FROM purchases WHERE version > $1 AND purchased_at >= $3 ORDER BY version LIMIT $2', [after, limit, since]),
    pool.query<Row>('SELECT * FROM tickets WHERE version > $1 ORDER BY version LIMIT $2', [after, limit]),
    pool.query<Row>('SELECT * FROM interactions WHERE version > $1 AND at >= $3 ORDER BY version LIMIT $2', [after, limit, since]),
  ]);
  const all: Change[] = [
    ...customers.rows.map(toCustomerChange),
    ...purchases.rows.map((r): Change => ({ entity: 'purchase', version: r.version, purchase: toPurchase(r) })),
    ...tickets.rows.map((r): Change => ({ entity: 'ticket', version: r.version, ticket: toTicket(r) })),
    ...interactions.rows.map((r): Change => ({ entity: 'interaction', version: r.version, interaction: toInteraction(r) })),
  ].sort((a, b) => a.version - b.version);

  const page = all.slice(0, limit);
  const cursor = page.at(-1)?.version ?? after;
  const more = all.length > limit || [customers, purchases, tickets, interactions].some((r) => r.rows.length === limit);
  return { changes: [...(await customersOwningLater(pool, page, cursor)), ...page], cursor, more };
}

async function customersOwningLater(pool: Pool, page: Change[], cursor: number): Promise<Change[]> {
  const inPage = new Set(page.flatMap((c) => (c.entity === 'customer' ? [c.customer.id] : [])));
  const owners = new Set<string>();
  for (const change of page) {
    const owner =
      change.entity === 'purchase' ? change.purchase.customerId
      : change.entity === 'ticket' ? change.ticket.customerId
      : change.entity === 'interaction' ? change.interaction.customerId
      : null;
    if (owner !== null && !inPage.has(owner)) owners.add(owner);
  }
  if (owners.size === 0) return [];
  const { rows } = await pool.query<Row>(`${CUSTOMER_SELECT} WHERE c.id = ANY($1) AND c.version > $2`, [[...owners], cursor]);
  return rows.map(toCustomerChange);
}
