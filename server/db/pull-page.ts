/**
 * Pull: the changes after a desk's cursor, in version order, a page at a time.
 *
 * The page's last version is found first, from the version indexes alone; then each
 * table is read for exactly the rows of that page. PostgreSQL writes the page's JSON
 * itself (the shapes of shared/sync.ts's ChangeSchema), so the hub passes text through
 * instead of turning a million rows into objects and back on a first sync.
 *
 * A page is self-contained: when a purchase, ticket or note in it belongs to a customer
 * whose own newest version lies after the page, that customer rides along at the front,
 * so a desk never holds a row whose customer it has not got.
 */
import type { z } from 'zod';
import { CUSTOMER_COLUMNS, INTERACTION_COLUMNS, PHONE_COLUMNS, PURCHASE_COLUMNS, TICKET_COLUMNS } from '../../shared/entity-columns.js';
import type { PullQuerySchema } from '../../shared/sync.js';
import { jsonObject } from './entity-sql.js';
import type { Queryable } from './pool.js';

const CUSTOMER_CHANGE = `json_build_object('entity', 'customer', 'version', c.version,
  'customer', ${jsonObject(CUSTOMER_COLUMNS, { alias: 'c' })},
  'phones', COALESCE((SELECT json_agg(${jsonObject(PHONE_COLUMNS, { alias: 'p' })} ORDER BY p.e164) FROM phones p WHERE p.customer_id = c.id), '[]'::json))`;

/** A note names its writer as the hub's agents table does when it is pulled. */
const AGENT_NAME = '(SELECT a.name FROM agents a WHERE a.id = interactions.agent)';

const PAGE_BOUND = `
  WITH candidates AS (
    (SELECT version FROM customers WHERE version > $1 ORDER BY version LIMIT $2)
    UNION ALL (SELECT version FROM purchases WHERE version > $1 AND purchased_at >= $3 ORDER BY version LIMIT $2)
    UNION ALL (SELECT version FROM tickets WHERE version > $1 ORDER BY version LIMIT $2)
    UNION ALL (SELECT version FROM interactions WHERE version > $1 AND at >= $3 ORDER BY version LIMIT $2)
  )
  SELECT max(version) AS bound FROM (SELECT version FROM candidates ORDER BY version LIMIT $2) page`;

/**
 * Whether anything lies after the page: every table asked, since one table alone may fill
 * the page and hide the rest. ORDER BY version makes each probe walk the version index:
 * a bare EXISTS may be planned as a sequential scan, which reads a whole table on every
 * page once that table has nothing left after the cursor.
 */
const MORE_AFTER = `
  SELECT EXISTS (SELECT 1 FROM customers WHERE version > $1 ORDER BY version LIMIT 1)
      OR EXISTS (SELECT 1 FROM purchases WHERE version > $1 AND purchased_at >= $2 ORDER BY version LIMIT 1)
      OR EXISTS (SELECT 1 FROM tickets WHERE version > $1 ORDER BY version LIMIT 1)
      OR EXISTS (SELECT 1 FROM interactions WHERE version > $1 AND at >= $2 ORDER BY version LIMIT 1) AS more`;

/** $1 < version <= $2; history since $3. */
const PAGE = `
  WITH page (version, owner, change) AS (
    SELECT c.version, NULL AS owner, ${CUSTOMER_CHANGE} AS change FROM customers c WHERE c.version > $1 AND c.version <= $2
    UNION ALL
    SELECT version, customer_id, json_build_object('entity', 'purchase', 'version', version, 'purchase', ${jsonObject(PURCHASE_COLUMNS)})
    FROM purchases WHERE version > $1 AND version <= $2 AND purchased_at >= $3
    UNION ALL
    SELECT version, customer_id, json_build_object('entity', 'ticket', 'version', version, 'ticket', ${jsonObject(TICKET_COLUMNS)})
    FROM tickets WHERE version > $1 AND version <= $2
    UNION ALL
    SELECT version, customer_id, json_build_object('entity', 'interaction', 'version', version,
      'interaction', ${jsonObject(INTERACTION_COLUMNS, { computed: { agentName: AGENT_NAME } })})
    FROM interactions WHERE version > $1 AND version <= $2 AND at >= $3
  ),
  riding AS (
    SELECT ${CUSTOMER_CHANGE} AS change FROM customers c WHERE c.id IN (SELECT owner FROM page) AND c.version > $2
  )
  SELECT (SELECT COALESCE(json_agg(change), '[]'::json) FROM riding)::text AS riding,
         (SELECT COALESCE(json_agg(change ORDER BY version), '[]'::json) FROM page)::text AS page`;

/** The page as JSON text, ready to send: `{ changes, cursor, more }` of shared/sync.ts's PullPageSchema. */
export async function pullPage(db: Queryable, query: z.output<typeof PullQuerySchema>): Promise<string> {
  const { after, limit } = query;
  const since = query.historySince ?? '-infinity';
  const { rows } = await db.query<{ bound: number | null }>(PAGE_BOUND, [after, limit, since]);
  const bound = rows[0]!.bound;
  if (bound === null) return JSON.stringify({ changes: [], cursor: after, more: false });
  const [more, page] = await Promise.all([
    db.query<{ more: boolean }>(MORE_AFTER, [bound, since]).then((r) => r.rows[0]!.more),
    db.query<{ riding: string; page: string }>(PAGE, [after, bound, since]).then((r) => r.rows[0]!),
  ]);
  // A bound was found, so the page holds at least that row: both arrays can be joined as text.
  const changes = page.riding === '[]' ? page.page : `${page.riding.slice(0, -1)},${page.page.slice(1)}`;
  return `{"changes":${changes},"cursor":${bound},"more":${more}}`;
}
