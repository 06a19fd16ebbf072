/**
 * The rows a desk's push writes, inside the push's transaction (server/sync/push.ts says
 * what is refused and why). Each row takes its version from `change_version` as it is
 * written; the columns come from the entities' maps (entity-sql.ts).
 */
import type { Customer, Interaction, Phone } from '../../shared/domain.js';
import { CUSTOMER_COLUMNS, INTERACTION_COLUMNS, PHONE_COLUMNS, withoutFields } from '../../shared/entity-columns.js';
import type { CustomerEdit, Mutation, MutationRefusal } from '../../shared/sync.js';
import { columnList, columnValue, placeholders, valuesOf } from './entity-sql.js';
import { isDataError, type Queryable } from './pool.js';

export interface PushWrites {
  /** Notes the mutation as applied for this agent; false when this agent pushed it before (a replay). */
  recordMutation(agentId: string, mutation: Pick<Mutation, 'mutationId' | 'kind'>): Promise<boolean>;
  /** False when a note or call with its id exists already: a note once written is never changed by a later push. */
  insertInteraction(interaction: Interaction): Promise<boolean>;
  /** A phone the customer has already is kept. */
  insertCustomer(customer: Customer, phones: Phone[]): Promise<void>;
  /** Writes only the fields the edit names; `at` moves updatedAt forward, never back. False when there is no such customer. */
  updateCustomer(customerId: string, fields: CustomerEdit, at: string): Promise<boolean>;
}

/** The hub keeps agents' names in its agents table, and names a note's agent when it sends the note. */
const STORED_INTERACTION = withoutFields(INTERACTION_COLUMNS, 'agentName');

const INSERT_INTERACTION = `INSERT INTO interactions (${columnList(STORED_INTERACTION)}, version)
  VALUES (${placeholders(STORED_INTERACTION)}, nextval('change_version')) ON CONFLICT (id) DO NOTHING`;

const INSERT_CUSTOMER = `INSERT INTO customers (${columnList(CUSTOMER_COLUMNS)}, version)
  VALUES (${placeholders(CUSTOMER_COLUMNS)}, nextval('change_version'))`;

const INSERT_PHONE = `INSERT INTO phones (customer_id, ${columnList(PHONE_COLUMNS)}) VALUES ($1, ${placeholders(PHONE_COLUMNS, 2)}) ON CONFLICT DO NOTHING`;

export function pushWrites(tx: Queryable): PushWrites {
  return {
    async recordMutation(agentId, { mutationId, kind }) {
      const { rowCount } = await tx.query('INSERT INTO mutations (mutation_id, agent_id, kind) VALUES ($1, $2, $3) ON CONFLICT (agent_id, mutation_id) DO NOTHING', [
        mutationId,
        agentId,
        kind,
      ]);
      return rowCount !== 0;
    },

    async insertInteraction(interaction) {
      const { rowCount } = await tx.query(INSERT_INTERACTION, valuesOf(STORED_INTERACTION, interaction));
      return rowCount !== 0;
    },

    async insertCustomer(customer, phones) {
      await tx.query(INSERT_CUSTOMER, valuesOf(CUSTOMER_COLUMNS, customer));
      for (const phone of phones) await tx.query(INSERT_PHONE, [customer.id, ...valuesOf(PHONE_COLUMNS, phone)]);
    },

    async updateCustomer(customerId, fields, at) {
      const entries = Object.entries(fields) as [keyof CustomerEdit, unknown][];
      const sets = entries.map(([field], n) => `${CUSTOMER_COLUMNS[field].column} = $${n + 3}`);
      const values = entries.map(([field, value]) => columnValue(CUSTOMER_COLUMNS[field], value));
      const { rowCount } = await tx.query(
        `UPDATE customers SET ${sets.join(', ')}, updated_at = greatest(updated_at, $2), version = nextval('change_version') WHERE id = $1`,
        [customerId, at, ...values],
      );
      return rowCount !== 0;
    },
  };
}

/**
 * The refusal for a row PostgreSQL would not take (SQLSTATE class 22 or 23), by the
 * constraint it broke; null for any other failure, which a retry may cure.
 */
export function refusalOfRow(err: unknown): MutationRefusal | null {
  if (!isDataError(err)) return null;
  const { code, constraint } = err as { code?: string; constraint?: string };
  if (code === '23503') return 'customer_unknown';
  if (code === '23505') return constraint === 'customers_customer_number_key' ? 'customer_number_taken' : 'already_exists';
  return 'invalid_data';
}
