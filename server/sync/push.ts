/**
 * Push: a desk's outbox entries applied in the order sent, one transaction for the
 * batch and a savepoint for each entry, so a bad entry is refused on its own and the
 * rest still land. The mutation id is recorded with the write it caused, under the
 * agent who sent it: a replay after a lost answer (or a hub killed between commit and
 * reply) is a duplicate, acknowledged and not applied again, while another agent's
 * desk reusing that id is no replay and gets its own answer.
 */
import type { Logger } from 'pino';
import type { Pool, PoolClient } from 'pg';
import { type Agent, clockSkewProblem, type CustomerEdit, type Mutation, type MutationRefusal, type MutationResult } from '../../shared/sync.js';
import { isDataError, writeTransaction } from '../db/pool.js';

/** A refusal that will never succeed on retry; anything else aborts the push so the desk tries again. */
class Refusal extends Error {
  constructor(
    readonly reason: MutationRefusal,
    detail: string,
  ) {
    super(detail);
  }
}

/** The code for a refusal, or for a row the database refused (SQLSTATE 22 or 23); null for a failure a retry may cure. */
function refusalOf(err: unknown): MutationRefusal | null {
  if (err instanceof Refusal) return err.reason;
  if (!isDataError(err)) return null;
  const { code, constraint } = err as { code?: string; constraint?: string };
  if (code === '23503') return 'customer_unknown';
  if (code === '23505') return constraint === 'customers_customer_number_key' ? 'customer_number_taken' : 'already_exists';
  return 'invalid_data';
}

export async function applyMutations(pool: Pool, agent: Agent, mutations: Mutation[], log: Logger): Promise<MutationResult[]> {
  return writeTransaction(pool, async (client) => {
    const results: MutationResult[] = [];
    for (const mutation of mutations) {
      const { mutationId } = mutation;
      await client.query('SAVEPOINT mutation');
      try {
        const seen = await client.query('INSERT INTO mutations (mutation_id, agent_id, kind) VALUES ($1, $2, $3) ON CONFLICT (agent_id, mutation_id) DO NOTHING', [
          mutationId,
          agent.id,
          mutation.kind,
        ]);
        if (seen.rowCount === 0) {
          results.push({ mutationId, status: 'duplicate' });
        } else {
          await apply(client, agent, mutation);
          results.push({ mutationId, status: 'applied' });
        }
        await client.query('RELEASE SAVEPOINT mutation');
      } catch (err) {
        const reason = refusalOf(err);
        if (reason === null) throw err;
        await client.query('ROLLBACK TO SAVEPOINT mutation');
        log.warn({ agent: agent.id, mutationId, kind: mutation.kind, reason, err }, 'mutation refused');
        results.push({ mutationId, status: 'rejected', reason });
      }
    }
    return results;
  });
}

/** A time stamped by a desk whose clock is far off would misorder notes and edits for every desk. */
function refuseSkewedClock(at: string): void {
  const problem = clockSkewProblem(at, new Date());
  if (problem) throw new Refusal('clock_skew', problem);
}

async function apply(client: PoolClient, agent: Agent, mutation: Mutation): Promise<void> {
  switch (mutation.kind) {
    case 'interaction.create': {
      const i = mutation.payload;
      if (i.agent !== agent.id) throw new Refusal('wrong_agent', `written as agent "${i.agent}", but this session is agent "${agent.id}"`);
      if (i.id !== mutation.mutationId) throw new Refusal('id_mismatch', 'an interaction is pushed under its own id as the mutation id');
      refuseSkewedClock(i.at);
      // Append-only: a note once written is never changed by a later push.
      const { rowCount } = await client.query(
        `INSERT INTO interactions (id, customer_id, kind, call_id, phone, disposition, note, follow_up_on, agent, at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, nextval('change_version')) ON CONFLICT (id) DO NOTHING`,
        [i.id, i.customerId, i.kind, i.callId, i.phone, i.disposition, i.note, i.followUpOn, i.agent, i.at],
      );
      if (rowCount === 0) throw new Refusal('already_exists', `a note with id ${i.id} already exists, written by another agent; a new note needs a new id`);
      return;
    }
    case 'customer.create': {
      const { customer: c, phones } = mutation.payload;
      await client.query(
        `INSERT INTO customers (id, customer_number, first_name, last_name, company, email, type, industry, source, tags, country, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, nextval('change_version'))`,
        [c.id, c.customerNumber, c.firstName, c.lastName, c.company, c.email, c.type, c.industry, c.source, JSON.stringify(c.tags), c.country, c.createdAt, c.updatedAt],
      );
      for (const phone of phones) {
        await client.query('INSERT INTO phones (customer_id, e164, label) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [c.id, phone.e164, phone.label]);
      }
      return;
    }
    case 'customer.update':
      refuseSkewedClock(mutation.payload.at);
      await updateCustomer(client, mutation.payload.customerId, mutation.payload.fields, mutation.payload.at);
  }
}

const EDIT_COLUMNS: Record<keyof CustomerEdit, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'company',
  email: 'email',
  type: 'type',
  industry: 'industry',
  tags: 'tags',
  country: 'country',
};

/** Last writer wins per field, in the hub's order: only the fields this edit names are written. */
async function updateCustomer(client: PoolClient, customerId: string, fields: CustomerEdit, at: string): Promise<void> {
  const entries = Object.entries(fields) as [keyof CustomerEdit, unknown][];
  const sets = entries.map(([field], n) => `${EDIT_COLUMNS[field]} = $${n + 3}`);
  const values = entries.map(([field, value]) => (field === 'tags' ? JSON.stringify(value) : value));
  const { rowCount } = await client.query(
    `UPDATE customers SET ${sets.join(', ')}, updated_at = greatest(updated_at, $2), version = nextval('change_version') WHERE id = $1`,
    [customerId, at, ...values],
  );
  if (rowCount === 0) throw new Refusal('customer_unknown', `no customer with id ${customerId}`);
}
