/**
 * What the UI knows of its desk, in one zustand store fed by desk events. A pop for a
 * callId already on screen replaces that card in place: one call, one card.
 */
import { create } from 'zustand';
import type { CallLogEntry, PopCard } from '../../../shared/call.js';
import type { DeskAgentState, DeskLanguage, DeskState } from '../../../shared/desk-api.js';
import type { CustomerCard } from '../../../shared/domain.js';
import type { SyncStatus } from '../../../shared/sync.js';
import type { ConnectionState } from '../api/transport.js';

const CALL_LOG_KEPT = 200;

/** What changes only on (re)attach; the live parts (calls, sync, agent state, language) are kept apart so a change to them re-renders only what shows them. */
export type DeskSettings = Omit<DeskState, 'cards' | 'callLog' | 'sync' | 'agentState' | 'language'>;

/** The centre of the screen: a call's card, or a customer opened from search or the call log. */
export type Focus = { kind: 'call'; callId: string } | { kind: 'customer'; card: CustomerCard } | { kind: 'none' };

interface DeskView {
  connection: ConnectionState;
  settings: DeskSettings | null;
  sync: SyncStatus | null;
  agentState: DeskAgentState | null;
  language: DeskLanguage | null;
  cards: PopCard[];
  /** For a call with several candidates: the one the operator picked. */
  chosen: Record<string, string>;
  callLog: CallLogEntry[];
  focus: Focus;
  setConnection(state: ConnectionState): void;
  attach(state: DeskState): void;
  pop(card: PopCard): void;
  dismissed(callId: string): void;
  logged(entry: CallLogEntry): void;
  synced(status: SyncStatus): void;
  agentStateChanged(agentState: DeskAgentState): void;
  languageChanged(language: DeskLanguage): void;
  choose(callId: string, customerId: string | null): void;
  focusOn(focus: Focus): void;
}

export const useDeskView = create<DeskView>()((set) => ({
  connection: 'connecting',
  settings: null,
  sync: null,
  agentState: null,
  language: null,
  cards: [],
  chosen: {},
  callLog: [],
  focus: { kind: 'none' },
  setConnection: (connection) => set({ connection }),
  attach: ({ cards, callLog, sync, agentState, language, ...settings }) =>
    set((view) => {
      const ringing = cards.findLast((c) => c.state === 'ringing' || c.state === 'answered');
      const stillThere = view.focus.kind === 'call' && cards.some((c) => view.focus.kind === 'call' && c.callId === view.focus.callId);
      const focus: Focus = view.focus.kind === 'customer' || stillThere ? view.focus : cardFocus(ringing ?? cards.at(-1));
      return { settings, sync, agentState, language, cards, callLog, focus };
    }),
  pop: (card) =>
    set((view) => {
      const index = view.cards.findIndex((c) => c.callId === card.callId);
      if (index >= 0) return { cards: view.cards.with(index, card) };
      // A new call comes to the front: that is the screen pop.
      return { cards: [...view.cards, card], focus: { kind: 'call', callId: card.callId } };
    }),
  dismissed: (callId) =>
    set((view) => {
      const cards = view.cards.filter((c) => c.callId !== callId);
      const { [callId]: _gone, ...chosen } = view.chosen;
      const focus = view.focus.kind === 'call' && view.focus.callId === callId ? cardFocus(cards.at(-1)) : view.focus;
      return { cards, chosen, focus };
    }),
  logged: (entry) =>
    set((view) => ({ callLog: [entry, ...view.callLog.filter((e) => e.callId !== entry.callId)].slice(0, CALL_LOG_KEPT) })),
  synced: (sync) => set({ sync }),
  agentStateChanged: (agentState) => set({ agentState }),
  languageChanged: (language) => set({ language }),
  choose: (callId, customerId) =>
    set((view) => {
      if (customerId !== null) return { chosen: { ...view.chosen, [callId]: customerId } };
      const { [callId]: _gone, ...chosen } = view.chosen;
      return { chosen };
    }),
  focusOn: (focus) => set({ focus }),
}));

function cardFocus(card: PopCard | undefined): Focus {
  return card ? { kind: 'call', callId: card.callId } : { kind: 'none' };
}

/** The customer a call's card shows: the only candidate, or the one the operator chose. */
export function shownCandidate(card: PopCard, chosen: Record<string, string>): PopCard['candidates'][number] | undefined {
  if (card.candidates.length === 1) return card.candidates[0];
  const id = chosen[card.callId];
  return card.candidates.find((c) => c.customer.id === id);
}
