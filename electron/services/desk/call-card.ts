/** What the desk makes of a call: the card it pops from the first event, and the call log row it keeps at the end. */
import { type CallEvent, type CallLogEntry, isFinalState, type PopCard } from '../../../shared/call.js';
import { customerDisplayName } from '../../../shared/customer-name.js';
import type { Region } from '../../../shared/domain.js';
import { normalisePhone } from '../../../shared/phone/normalise.js';
import type { CustomerReader } from '../store/desk-store.js';
import { identifyCaller } from './identify-caller.js';

export function popCardFor(event: CallEvent, store: CustomerReader, region: Region, now: Date): PopCard {
  const phone = normalisePhone(event.remote, region);
  const { match, candidates } = identifyCaller(store, phone);
  const at = event.at ?? now.toISOString();
  return {
    callId: event.callId,
    state: event.state,
    direction: event.direction,
    remote: { raw: event.remote, ...(event.remoteName ? { name: event.remoteName } : {}) },
    phone,
    ...(event.dialled ? { dialled: event.dialled } : {}),
    ...(event.queue ? { queue: event.queue } : {}),
    match,
    candidates,
    startedAt: at,
    answeredAt: event.state === 'answered' ? at : null,
    endedAt: isFinalState(event.state) ? at : null,
  };
}

export function callLogEntryOf(card: PopCard, now: Date): CallLogEntry {
  const only = card.candidates.length === 1 ? card.candidates[0] : undefined;
  return {
    callId: card.callId,
    outcome: card.state === 'missed' || card.state === 'answered_elsewhere' ? card.state : 'ended',
    direction: card.direction,
    remoteRaw: card.remote.raw,
    phone: card.phone.kind === 'e164' ? card.phone.e164 : null,
    customerId: only?.customer.id ?? null,
    customerName: only ? customerDisplayName(only.customer) : null,
    match: card.match,
    startedAt: card.startedAt,
    answeredAt: card.answeredAt,
    endedAt: card.endedAt ?? now.toISOString(),
  };
}
