/** Closing a card, the pop's one request to the desk. */
import type { StateCreator } from 'zustand';
import { draftKey } from '../../../../shared/draft.js';
import type { DeskView } from '../../state/desk-state.js';

export interface PopSlice {
  /**
   * "Close card": a card with an unsaved note only leaves the screen (its tab stays, the
   * draft with it); any other closes on this screen at once, and the desk is told so
   * every attached screen closes it too.
   */
  closeCard(callId: string): Promise<void>;
}

export const createPopSlice: StateCreator<DeskView, [], [], PopSlice> = (_set, get) => ({
  closeCard: async (callId) => {
    const view = get();
    if (draftKey({ callId, customerId: null }) in view.drafts) return view.leave(callId);
    view.dismissed(callId);
    await view.attempt('dismissCard', (desk) => desk.dismissCard({ callId }));
  },
});
