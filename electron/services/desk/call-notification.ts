/** Which desk events deserve a desktop notification, and what it says. Electron-free so it is tested in Node. */
import { customerDisplayName } from '../../../shared/customer-name.js';
import type { DeskEvent } from '../../../shared/desk-api.js';

export interface CallNotification {
  callId: string;
  title: string;
  body: string;
}

/**
 * Only a call that starts ringing, and only while the operator is looking elsewhere:
 * a notification for every state change would train them to ignore it.
 */
export function callNotificationFor(event: DeskEvent, windowFocused: boolean, alreadyNotified: ReadonlySet<string>): CallNotification | null {
  if (windowFocused || event.name !== 'pop') return null;
  const card = event.payload;
  if (card.state !== 'ringing' || alreadyNotified.has(card.callId)) return null;
  const [first, ...others] = card.candidates;
  const who =
    card.match === 'withheld'
      ? 'Withheld number'
      : first && others.length === 0
        ? customerDisplayName(first.customer)
        : first
          ? `${card.candidates.length} possible customers`
          : (card.remote.name ?? card.remote.raw);
  const certainty = card.match === 'probable' ? ' (probable match)' : '';
  return {
    callId: card.callId,
    title: `Incoming call: ${who}${certainty}`,
    body: [card.phone.kind === 'e164' ? card.phone.e164 : card.remote.raw, card.queue ?? card.dialled].filter(Boolean).join(' · '),
  };
}
