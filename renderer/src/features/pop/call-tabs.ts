/**
 * Which calls have a tab. A call under way does; a finished one only while it holds a
 * draft or is on screen: otherwise it is in the call log, and a long shift of missed
 * calls does not pile up tabs. A draft whose call has left the desk (closed elsewhere,
 * or the desk restarted) gets a tab of its own, so no unsaved note is out of sight.
 */
import { useMemo } from 'react';
import type { PopCard } from '../../../../shared/call.js';
import { type Draft, draftKey } from '../../../../shared/draft.js';
import { useDeskView } from '../../state/desk-state.js';
import { type Focus, focusedKey } from './focus.js';

export type CallTab = { kind: 'call'; card: PopCard; draft: Draft | undefined } | { kind: 'draft'; draft: Draft };

export const callKey = (callId: string) => draftKey({ callId, customerId: null });

export function callTabs(cards: PopCard[], drafts: Record<string, Draft>, focus: Focus): CallTab[] {
  const onScreen = focusedKey(focus);
  const tabs: CallTab[] = cards
    .filter((card) => card.endedAt === null || callKey(card.callId) in drafts || callKey(card.callId) === onScreen)
    .map((card) => ({ kind: 'call', card, draft: drafts[callKey(card.callId)] }));
  const withCard = new Set(cards.map((c) => callKey(c.callId)));
  for (const [key, draft] of Object.entries(drafts)) {
    // A customer's own note is written on their open card: no tab beside it.
    if (!withCard.has(key) && !(focus.kind === 'customer' && key === onScreen)) tabs.push({ kind: 'draft', draft });
  }
  return tabs;
}

export function useCallTabs(): CallTab[] {
  const cards = useDeskView((v) => v.cards);
  const drafts = useDeskView((v) => v.drafts);
  const focus = useDeskView((v) => v.focus);
  return useMemo(() => callTabs(cards, drafts, focus), [cards, drafts, focus]);
}

export function isOnScreen(tab: CallTab, focus: Focus): boolean {
  if (tab.kind === 'call') return focus.kind === 'call' && focus.callId === tab.card.callId;
  return focus.kind === 'draft' && focus.key === draftKey(tab.draft);
}

export function tabFocus(tab: CallTab): Focus {
  return tab.kind === 'call' ? { kind: 'call', callId: tab.card.callId } : { kind: 'draft', key: draftKey(tab.draft) };
}

/** Where a call's row in the log (or a customer's draft notice) takes the operator: its card if the desk still has it, else its draft. */
export function reopenFocus(callId: string, cards: PopCard[], drafts: Record<string, Draft>): Focus | null {
  if (cards.some((c) => c.callId === callId)) return { kind: 'call', callId };
  return callKey(callId) in drafts ? { kind: 'draft', key: callKey(callId) } : null;
}
