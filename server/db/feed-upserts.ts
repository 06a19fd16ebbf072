/**
 * The upserts an ERP or helpdesk feed makes, one statement per batch (server/import/import-feed.ts
 * batches the rows and retries a refused batch row by row). A row is found again by the
 * feed's own id; one whose fields are all unchanged is not written, so it keeps its version
 * and desks download nothing for it. The columns come from the entities' maps (entity-sql.ts).
 */
import { type ColumnMap, CUSTOMER_COLUMNS, pickFields, PURCHASE_COLUMNS, TICKET_COLUMNS, withoutFields } from '../../shared/entity-columns.js';
import { FEED_CUSTOMER_FIELDS, type ImportKind, type ImportRecord } from '../import/import-records.js';
import { columnArrays, columnList, differsFromExcluded, setFromExcluded, unnestRows } from './entity-sql.js';
import { EXTERNAL_ID, PHONE_ROW_COLUMNS, type PhoneRow } from './hub-columns.js';
import type { Queryable } from './pool.js';

export interface UpsertOutcome {
  /** Rows new or different. */
  changed: number;
  /** The feed's ids of customers that rows named and the hub has not got: the batch wrote nothing. */
  missing: Set<string>;
}

/** One batch of a feed, each external id at most once (one statement may touch a row only once). */
export type FeedUpserts = { [K in ImportKind]: (rows: ImportRecord<K>[]) => Promise<UpsertOutcome> };

/** Values a feed does not carry, by field: the SQL value a new row takes, and the one a changed row takes. */
interface Unfed<T> {
  onInsert?: Partial<Record<keyof T, string>>;
  onChange?: Partial<Record<keyof T, string>>;
}

function upsertStatement<E, F extends { externalId: string }>(table: string, fed: ColumnMap<F>, entity: ColumnMap<E>, { onInsert = {}, onChange = {} }: Unfed<E> = {}): string {
  const columnsOf = (values: Partial<Record<keyof E, string>>) => (Object.entries(values) as [keyof E, string][]).map(([field, value]) => [entity[field].column, value]);
  const inserted = [...columnsOf(onInsert), ['version', "nextval('change_version')"]];
  const changed = [...columnsOf(onChange), ['version', 'EXCLUDED.version']];
  return `INSERT INTO ${table} (id, ${columnList(fed)}, ${inserted.map(([column]) => column).join(', ')})
    SELECT gen_random_uuid()::text, x.*, ${inserted.map(([, value]) => value).join(', ')}
    FROM ${unnestRows(fed, 'x')}
    ON CONFLICT (external_id) DO UPDATE SET ${setFromExcluded(fed, 'externalId')}, ${changed.map(([column, value]) => `${column} = ${value}`).join(', ')}
    WHERE ${differsFromExcluded(table, fed, 'externalId')}
    RETURNING id`;
}

const FED_CUSTOMER = { externalId: EXTERNAL_ID, ...pickFields(CUSTOMER_COLUMNS, FEED_CUSTOMER_FIELDS) };
/** A purchase or ticket from a feed, its customer's id on the hub looked up from the feed's. */
const FED_PURCHASE = { externalId: EXTERNAL_ID, ...withoutFields(PURCHASE_COLUMNS, 'id') };
const FED_TICKET = { externalId: EXTERNAL_ID, ...withoutFields(TICKET_COLUMNS, 'id') };

const UPSERT_CUSTOMERS = upsertStatement('customers', FED_CUSTOMER, CUSTOMER_COLUMNS, {
  onInsert: { source: "'import'", createdAt: 'now()', updatedAt: 'now()' },
  onChange: { updatedAt: 'now()' },
});
const UPSERT_PURCHASES = upsertStatement('purchases', FED_PURCHASE, PURCHASE_COLUMNS);
/** Ticket status is the hub's, and the helpdesk feed is where the hub learns it. */
const UPSERT_TICKETS = upsertStatement('tickets', FED_TICKET, TICKET_COLUMNS);

const INSERT_PHONES = `INSERT INTO phones (${columnList(PHONE_ROW_COLUMNS)}) SELECT * FROM ${unnestRows(PHONE_ROW_COLUMNS, 'x')}`;

export function feedUpserts(tx: Queryable): FeedUpserts {
  /** The hub ids of the customers the rows belong to; the ones the hub has not got are reported as missing. */
  async function ownersOf(rows: { customerExternalId: string }[]) {
    const { rows: found } = await tx.query<{ id: string; external_id: string }>('SELECT id, external_id FROM customers WHERE external_id = ANY($1)', [
      [...new Set(rows.map((r) => r.customerExternalId))],
    ]);
    const ids = new Map(found.map((r) => [r.external_id, r.id]));
    return { ids, missing: new Set(rows.map((r) => r.customerExternalId).filter((id) => !ids.has(id))) };
  }

  /** Purchases and tickets: written only when every row's customer is on the hub. */
  async function upsertOwned<F extends { customerId: string }>(
    statement: string,
    fed: ColumnMap<F>,
    rows: (Omit<F, 'customerId'> & { customerExternalId: string })[],
  ): Promise<UpsertOutcome> {
    const { ids, missing } = await ownersOf(rows);
    if (missing.size > 0) return { changed: 0, missing };
    const owned = rows.map((row) => ({ ...row, customerId: ids.get(row.customerExternalId)! }) as unknown as F);
    const { rows: written } = await tx.query(statement, columnArrays(fed, owned));
    return { changed: written.length, missing };
  }

  return {
    async customers(rows) {
      const { rows: written } = await tx.query<{ id: string }>(UPSERT_CUSTOMERS, columnArrays(FED_CUSTOMER, rows));
      const changedIds = new Set(written.map((r) => r.id));
      // Phones are part of the customer: a changed set gives the customer a new version even when no field changed.
      const ids = await tx.query<{ id: string; external_id: string; phones: string | null }>(
        `SELECT c.id, c.external_id, (SELECT string_agg(e164 || ':' || label, ',' ORDER BY e164) FROM phones p WHERE p.customer_id = c.id) AS phones
         FROM customers c WHERE c.external_id = ANY($1)`,
        [rows.map((r) => r.externalId)],
      );
      const byExternal = new Map(ids.rows.map((r) => [r.external_id, r]));
      const phoneChanged: string[] = [];
      const phones: PhoneRow[] = [];
      for (const row of rows) {
        const current = byExternal.get(row.externalId)!;
        const wanted = [...new Map(row.phones.map((p) => [p.e164, p])).values()].sort((a, b) => a.e164.localeCompare(b.e164));
        if ((current.phones ?? '') === wanted.map((p) => `${p.e164}:${p.label}`).join(',')) continue;
        phoneChanged.push(current.id);
        for (const phone of wanted) phones.push({ customerId: current.id, ...phone });
      }
      if (phoneChanged.length > 0) {
        await tx.query('DELETE FROM phones WHERE customer_id = ANY($1)', [phoneChanged]);
        await tx.query(INSERT_PHONES, columnArrays(PHONE_ROW_COLUMNS, phones));
        const bump = phoneChanged.filter((id) => !changedIds.has(id));
        if (bump.length > 0) await tx.query("UPDATE customers SET version = nextval('change_version'), updated_at = now() WHERE id = ANY($1)", [bump]);
        for (const id of phoneChanged) changedIds.add(id);
      }
      return { changed: changedIds.size, missing: new Set<string>() };
    },
    purchases: (rows) => upsertOwned(UPSERT_PURCHASES, FED_PURCHASE, rows),
    tickets: (rows) => upsertOwned(UPSERT_TICKETS, FED_TICKET, rows),
  };
}
