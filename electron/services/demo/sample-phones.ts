/**
 * Random numbers from the store, for the simulator's callers and the benchmarks: numbers
 * owned by exactly one customer, or shared by several (a switchboard). Read through the
 * store's public reads: a random customer, then who else owns each of its numbers.
 */
import type { E164 } from '../../../shared/domain.js';
import type { CustomerReader } from '../store/desk-store.js';

/** Probes per number asked for: bounded, so a store with no shared numbers answers with fewer (or none) instead of searching forever. */
const PROBES_PER_NUMBER = 200;

export function samplePhones(store: Pick<CustomerReader, 'customerAt' | 'lookupPhone'>, kind: 'single' | 'shared', count: number): E164[] {
  const found = new Set<E164>();
  for (let probe = 0; probe < count * PROBES_PER_NUMBER && found.size < count; probe++) {
    const customer = store.customerAt(Math.random());
    if (customer === undefined) break;
    for (const e164 of customer.phones) {
      const shared = store.lookupPhone({ e164, nationalNumber: null }).hits.length > 1;
      if (shared === (kind === 'shared')) found.add(e164);
    }
  }
  return [...found].slice(0, count);
}
