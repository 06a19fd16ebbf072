/** What is in the centre of the screen, and where it goes when that leaves: pure rules the pop slice and the attach share. */
import type { PopCard } from '../../../../shared/call.js';
import type { CustomerCard } from '../../../../shared/domain.js';
import { type Draft, draftKey } from '../../../../shared/draft.js';

/** The centre of the screen: a call's card, a customer opened from search or the call log, or a draft whose call has left the desk. */
export type Focus =
  | { kind: 'call'; callId: string }
  | { kind: 'customer'; card: CustomerCard }
  | { kind: 'draft'; key: string }
  | { kind: 'none' };

export function cardFocus(card: PopCard | undefined): Focus {
  return card ? { kind: 'call', callId: card.callId } : { kind: 'none' };
}

/** The newest call still under way: where the screen goes when the operator leaves a card. */
export function liveCard(cards: PopCard[]): PopCard | undefined {
  return cards.findLast((c) => c.endedAt === null);
}

/** A card the desk no longer has (it restarted) whose note was being written: the note stays on screen as its draft. */
export function draftOf(focus: Focus, drafts: Record<string, Draft>): Focus | undefined {
  const key = focusedKey(focus);
  return focus.kind === 'call' && key !== null && key in drafts ? { kind: 'draft', key } : undefined;
}

export function stillShown(focus: Focus, cards: PopCard[], drafts: Record<string, Draft>): boolean {
  if (focus.kind === 'customer') return true;
  if (focus.kind === 'call') return cards.some((c) => c.callId === focus.callId);
  return focus.kind === 'draft' && focus.key in drafts;
}

/** The draftKey of what is on screen, if anything with a note panel is. */
export function focusedKey(focus: Focus): string | null {
  if (focus.kind === 'call') return draftKey({ callId: focus.callId, customerId: null });
  if (focus.kind === 'customer') return draftKey({ callId: null, customerId: focus.card.customer.id });
  return focus.kind === 'draft' ? focus.key : null;
}

export function focusedDraft(focus: Focus, drafts: Record<string, Draft>): Draft | undefined {
  const key = focusedKey(focus);
  return key === null ? undefined : drafts[key];
}

/** The customer a call's card shows: the only candidate, or the one the operator chose. */
export function shownCandidate(card: PopCard, chosen: Record<string, string>): PopCard['candidates'][number] | undefined {
  if (card.candidates.length === 1) return card.candidates[0];
  const id = chosen[card.callId];
  return card.candidates.find((c) => c.customer.id === id);
}
