/** Which desk events deserve a desktop notification, and what it says. Electron-free so it is tested in Node. */
import type { TFunction } from 'i18next';
import { customerDisplayName } from '../../../shared/customer-name.js';
import type { DeskEvent } from '../../../shared/desk-api.js';

export interface CallNotification {
  callId: string;
  title: string;
  body: string;
}

/**
 * Only a call that starts ringing, and only while the operator is looking elsewhere:
 * a notification for every state change would train them to ignore it. Worded in the
 * agent's language (`t` of their locale).
 */
export function callNotificationFor(event: DeskEvent, windowFocused: boolean, alreadyNotified: ReadonlySet<string>, t: TFunction): CallNotification | null {
  if (windowFocused || event.name !== 'pop') return null;
  const card = event.payload;
  if (card.state !== 'ringing' || alreadyNotified.has(card.callId)) return null;
  const [first, ...others] = card.candidates;
  const who =
    card.match === 'withheld'
      ? t('call.withheldNumber')
      : first && others.length === 0
        ? customerDisplayName(first.customer)
        : first
          ? t('notification.possibleCustomers', { count: card.candidates.length })
          : (card.remote.name ?? card.remote.raw);
  return {
    callId: card.callId,
    title: t(card.match === 'probable' ? 'notification.titleProbable' : 'notification.title', { who }),
    body: [card.phone.kind === 'e164' ? card.phone.e164 : card.remote.raw, card.queue ?? card.dialled].filter(Boolean).join(' · '),
  };
}
