/**
 * The calls on this screen and what is in its centre. A pop for a callId already on screen
 * replaces that card in place: one call, one card.
 */
import type { StateCreator } from 'zustand';
import type { PopCard } from '../../../../shared/call.js';
import { draftKey } from '../../../../shared/draft.js';
import type { DeskView } from '../../state/desk-state.js';
import { cardFocus, draftOf, type Focus, focusedDraft, liveCard } from './focus.js';

export interface PopSlice {
  cards: PopCard[];
  /** For a call with several candidates: the one the operator picked. */
  chosen: Record<string, string>;
  /** The keyboard is in a field on the card on screen: a new call then waits in its tab instead of taking the screen. */
  writing: boolean;
  /** A call that rang while the operator was writing, announced until they switch to it. */
  incoming: string | null;
  focus: Focus;
  pop(card: PopCard): void;
  dismissed(callId: string): void;
  choose(callId: string, customerId: string | null): void;
  focusOn(focus: Focus): void;
  /** The operator closed a card that holds a draft: it leaves the screen and keeps its tab. */
  leave(callId: string): void;
  setWriting(writing: boolean): void;
  /**
   * "Close card": a card with an unsaved note only leaves the screen (its tab stays, the
   * draft with it); any other closes on this screen at once, and the desk is told so
   * every attached screen closes it too.
   */
  closeCard(callId: string): Promise<void>;
}

export const createPopSlice: StateCreator<DeskView, [], [], PopSlice> = (set, get) => ({
  cards: [],
  chosen: {},
  writing: false,
  incoming: null,
  focus: { kind: 'none' },
  pop: (card) =>
    set((view) => {
      const index = view.cards.findIndex((c) => c.callId === card.callId);
      if (index >= 0) return { cards: view.cards.with(index, card) };
      const cards = [...view.cards, card];
      // A note being written keeps the screen and the keyboard; the new call waits in its tab, announced.
      if (view.writing || focusedDraft(view.focus, view.drafts) !== undefined) return { cards, incoming: card.callId };
      // Otherwise the new call comes to the front: that is the screen pop.
      return { cards, focus: { kind: 'call', callId: card.callId }, incoming: null };
    }),
  dismissed: (callId) =>
    set((view) => {
      const cards = view.cards.filter((c) => c.callId !== callId);
      const { [callId]: _gone, ...chosen } = view.chosen;
      if (view.focus.kind !== 'call' || view.focus.callId !== callId) return { cards, chosen };
      // Closed elsewhere (another screen, the desk's limit on finished cards) while a note was on it: the note stays on screen.
      return { cards, chosen, focus: draftOf(view.focus, view.drafts) ?? cardFocus(liveCard(cards)), writing: false };
    }),
  leave: (callId) => set((view) => ({ focus: cardFocus(liveCard(view.cards.filter((c) => c.callId !== callId))), writing: false })),
  setWriting: (writing) => set({ writing }),
  choose: (callId, customerId) =>
    set((view) => {
      if (customerId !== null) return { chosen: { ...view.chosen, [callId]: customerId } };
      const { [callId]: _gone, ...chosen } = view.chosen;
      return { chosen };
    }),
  // The field that held the keyboard went with the card it was on.
  focusOn: (focus) => set((view) => ({ focus, writing: false, incoming: focus.kind === 'call' && focus.callId === view.incoming ? null : view.incoming })),
  closeCard: async (callId) => {
    const view = get();
    if (draftKey({ callId, customerId: null }) in view.drafts) return view.leave(callId);
    view.dismissed(callId);
    await view.attempt('dismissCard', (desk) => desk.dismissCard({ callId }));
  },
});
