/**
 * Push: a desk's outbox entries applied in the order sent, one transaction for the
 * batch and a savepoint for each entry, so a bad entry is refused on its own and the
 * rest still land. The mutation id is recorded with the write it caused, under the
 * agent who sent it: a replay after a lost answer (or a hub killed between commit and
 * reply) is a duplicate, acknowledged and not applied again, while another agent's
 * desk reusing that id is no replay and gets its own answer.
 */
import type { Logger } from 'pino';
import { type Agent, clockSkewProblem, type Mutation, type MutationRefusal, type MutationResult } from '../../shared/sync.js';
import type { HubDb } from '../db/hub-db.js';
import { type PushWrites, refusalOfRow } from '../db/push-writes.js';

/** A refusal that will never succeed on retry; anything else aborts the push so the desk tries again. */
class Refusal extends Error {
  constructor(
    readonly reason: MutationRefusal,
    detail: string,
  ) {
    super(detail);
  }
}

/** The code for a refusal, or for a row the database refused; null for a failure a retry may cure. */
const refusalOf = (err: unknown): MutationRefusal | null => (err instanceof Refusal ? err.reason : refusalOfRow(err));

export async function applyMutations(db: Pick<HubDb, 'write'>, agent: Agent, mutations: Mutation[], log: Logger): Promise<MutationResult[]> {
  return db.write(async (tx) => {
    const results: MutationResult[] = [];
    for (const mutation of mutations) {
      const { mutationId } = mutation;
      try {
        const status = await tx.inSavepoint(async () => {
          if (!(await tx.push.recordMutation(agent.id, mutation))) return 'duplicate';
          await apply(tx.push, agent, mutation);
          return 'applied';
        });
        results.push({ mutationId, status });
      } catch (err) {
        const reason = refusalOf(err);
        if (reason === null) throw err;
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

async function apply(push: PushWrites, agent: Agent, mutation: Mutation): Promise<void> {
  switch (mutation.kind) {
    case 'interaction.create': {
      const i = mutation.payload;
      if (i.agent !== agent.id) throw new Refusal('wrong_agent', `written as agent "${i.agent}", but this session is agent "${agent.id}"`);
      if (i.id !== mutation.mutationId) throw new Refusal('id_mismatch', 'an interaction is pushed under its own id as the mutation id');
      refuseSkewedClock(i.at);
      if (!(await push.insertInteraction(i))) {
        throw new Refusal('already_exists', `a note with id ${i.id} already exists, written by another agent; a new note needs a new id`);
      }
      return;
    }
    case 'customer.create':
      await push.insertCustomer(mutation.payload.customer, mutation.payload.phones);
      return;
    case 'customer.update': {
      const { customerId, fields, at } = mutation.payload;
      refuseSkewedClock(at);
      // Last writer wins per field, in the hub's order: only the fields this edit names are written.
      if (!(await push.updateCustomer(customerId, fields, at))) throw new Refusal('customer_unknown', `no customer with id ${customerId}`);
    }
  }
}
