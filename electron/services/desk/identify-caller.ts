/** From a normalised number to the customers it may belong to, and how sure the desk is. */
import type { MatchKind, PopCard } from '../../../shared/call.js';
import type { NormalisedPhone } from '../../../shared/domain.js';
import type { CustomerReader } from '../store/desk-store.js';

export interface CallerIdentity {
  match: MatchKind;
  candidates: PopCard['candidates'];
}

/** Fewer digits than this match too many unrelated numbers to be offered even as "probable". */
const MIN_FALLBACK_DIGITS = 6;

export function identifyCaller(store: CustomerReader, phone: NormalisedPhone): CallerIdentity {
  if (phone.kind === 'withheld' || phone.kind === 'internal') return { match: phone.kind, candidates: [] };

  const query =
    phone.kind === 'e164'
      ? { e164: phone.e164, nationalNumber: phone.nationalNumber }
      : { e164: null, nationalNumber: phone.digits && phone.digits.length >= MIN_FALLBACK_DIGITS ? phone.digits : null };
  if (query.e164 === null && query.nationalNumber === null) return { match: 'invalid', candidates: [] };

  const lookup = store.lookupPhone(query);
  const candidates = lookup.hits.flatMap(({ customerId, matchedPhone }) => {
    const card = store.getCustomerCard(customerId);
    return card ? [{ ...card, matchedPhone }] : [];
  });
  if (candidates.length === 0) return { match: phone.kind === 'invalid' ? 'invalid' : 'none', candidates };
  return { match: lookup.match === 'exact' ? 'exact' : 'probable', candidates };
}
