/**
 * What the UI knows of its desk, in one zustand store fed by desk events and composed of
 * each feature's slice, whose actions own that feature's requests to the desk. A pop for a
 * callId already on screen replaces that card in place: one call, one card.
 */
import { create, type StateCreator } from 'zustand';
import type { CallLogEntry, PopCard } from '../../../shared/call.js';
import type { DeskClient, DeskState } from '../../../shared/desk-api.js';
import type { CustomerCard } from '../../../shared/domain.js';
import { type Draft, type DraftSubject, draftKey, isBlankDraft } from '../../../shared/draft.js';
import type { SyncStatus } from '../../../shared/sync.js';
import type { ConnectionState } from '../api/transport.js';
import { type AgentStateSlice, createAgentStateSlice } from '../features/agent-state/agent-state-slice.js';
import { type AnnotationSlice, createAnnotationSlice } from '../features/annotation/annotation-slice.js';
import { type ConnectionSlice, createConnectionSlice } from '../features/connection/connection-slice.js';
import { createCustomerSlice, type CustomerSlice } from '../features/customer/customer-slice.js';
import { createDiagnosticsSlice, type DiagnosticsSlice } from '../features/diagnostics/diagnostics-slice.js';
import { createPopSlice, type PopSlice } from '../features/pop/pop-slice.js';
import { createProblemsSlice, type ProblemsSlice } from '../features/problems/problems-slice.js';
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settings-slice.js';
import { createSimulatorSlice, type SimulatorSlice } from '../features/simulator/simulator-slice.js';

const CALL_LOG_KEPT = 200;

/** What changes only on (re)attach; the live parts (calls, sync, agent state, language) are kept apart so a change to them re-renders only what shows them. */
export type DeskSettings = Omit<DeskState, 'cards' | 'drafts' | 'callLog' | 'sync' | 'agentState' | 'language'>;

/** The centre of the screen: a call's card, a customer opened from search or the call log, or a draft whose call has left the desk. */
export type Focus =
  | { kind: 'call'; callId: string }
  | { kind: 'customer'; card: CustomerCard }
  | { kind: 'draft'; key: string }
  | { kind: 'none' };

interface DeskCore {
  /** The desk this window talks to; the slices' actions reach it through `attempt`. */
  desk: DeskClient | null;
  connection: ConnectionState;
  settings: DeskSettings | null;
  sync: SyncStatus | null;
  cards: PopCard[];
  /** For a call with several candidates: the one the operator picked. */
  chosen: Record<string, string>;
  callLog: CallLogEntry[];
  /** Unsaved notes by draftKey, as the desk keeps them plus this window's edits not yet sent. */
  drafts: Record<string, Draft>;
  /** Drafts the desk has not kept yet, with why (it is restarting, or holds too many). */
  draftFailures: Record<string, unknown>;
  /** The keyboard is in a field on the card on screen: a new call then waits in its tab instead of taking the screen. */
  writing: boolean;
  /** A call that rang while the operator was writing, announced until they switch to it. */
  incoming: string | null;
  focus: Focus;
  connectDesk(desk: DeskClient): void;
  setConnection(state: ConnectionState): void;
  /** `unsent`: this window's drafts the desk has not confirmed; they outrank its older copies. */
  attach(state: DeskState, unsent?: Draft[]): void;
  pop(card: PopCard): void;
  dismissed(callId: string): void;
  logged(entry: CallLogEntry): void;
  synced(status: SyncStatus): void;
  choose(callId: string, customerId: string | null): void;
  focusOn(focus: Focus): void;
  /** The operator closed a card that holds a draft: it leaves the screen and keeps its tab. */
  leave(callId: string): void;
  /** A draft as the desk kept it (from any attached UI): an older copy never replaces a newer edit. */
  draftKept(draft: Draft): void;
  /** A change typed in this window. */
  draftEdited(draft: Draft): void;
  draftRemoved(subject: DraftSubject): void;
  draftSendFailed(key: string, why: unknown): void;
  draftSent(key: string): void;
  setWriting(writing: boolean): void;
}

export type DeskView = DeskCore &
  ProblemsSlice &
  AgentStateSlice &
  SimulatorSlice &
  CustomerSlice &
  PopSlice &
  ConnectionSlice &
  SettingsSlice &
  DiagnosticsSlice &
  AnnotationSlice;

const createDeskCore: StateCreator<DeskView, [], [], DeskCore> = (set) => ({
  desk: null,
  connection: 'connecting',
  settings: null,
  sync: null,
  cards: [],
  chosen: {},
  callLog: [],
  drafts: {},
  draftFailures: {},
  writing: false,
  incoming: null,
  focus: { kind: 'none' },
  connectDesk: (desk) => set({ desk }),
  setConnection: (connection) => set({ connection }),
  attach: ({ cards, drafts: kept, callLog, sync, agentState, language, ...settings }, unsent = []) =>
    set((view) => {
      const drafts = Object.fromEntries(kept.map((d) => [draftKey(d), d]));
      for (const draft of unsent) {
        const key = draftKey(draft);
        if (drafts[key] && drafts[key].updatedAt > draft.updatedAt) continue;
        if (isBlankDraft(draft)) delete drafts[key];
        else drafts[key] = draft;
      }
      const focus = stillShown(view.focus, cards, drafts) ? view.focus : (draftOf(view.focus, drafts) ?? cardFocus(liveCard(cards)));
      return { settings, sync, agentState, language, cards, drafts, callLog, focus };
    }),
  pop: (card) =>
    set((view) => {
      const index = view.cards.findIndex((c) => c.callId === card.callId);
      if (index >= 0) return { cards: view.cards.with(index, card) };
      const cards = [...view.cards, card];
      // A note being written keeps the screen and the keyboard; the new call waits in its tab, announced.
      if (view.writing || focusedDraft(view) !== undefined) return { cards, incoming: card.callId };
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
  draftKept: (draft) =>
    set((view) => {
      const key = draftKey(draft);
      const mine = view.drafts[key];
      if (mine && mine.updatedAt > draft.updatedAt) return {};
      return { drafts: { ...view.drafts, [key]: draft } };
    }),
  draftEdited: (draft) =>
    set((view) => {
      const { [draftKey(draft)]: _old, ...others } = view.drafts;
      return { drafts: isBlankDraft(draft) ? others : { ...others, [draftKey(draft)]: draft } };
    }),
  draftRemoved: (subject) =>
    set((view) => {
      const { [draftKey(subject)]: _gone, ...drafts } = view.drafts;
      return { drafts };
    }),
  draftSendFailed: (key, why) => set((view) => ({ draftFailures: { ...view.draftFailures, [key]: why } })),
  draftSent: (key) =>
    set((view) => {
      if (!(key in view.draftFailures)) return {};
      const { [key]: _ok, ...draftFailures } = view.draftFailures;
      return { draftFailures };
    }),
  setWriting: (writing) => set({ writing }),
  logged: (entry) =>
    set((view) => ({ callLog: [entry, ...view.callLog.filter((e) => e.callId !== entry.callId)].slice(0, CALL_LOG_KEPT) })),
  synced: (sync) => set({ sync }),
  choose: (callId, customerId) =>
    set((view) => {
      if (customerId !== null) return { chosen: { ...view.chosen, [callId]: customerId } };
      const { [callId]: _gone, ...chosen } = view.chosen;
      return { chosen };
    }),
  // The field that held the keyboard went with the card it was on.
  focusOn: (focus) => set((view) => ({ focus, writing: false, incoming: focus.kind === 'call' && focus.callId === view.incoming ? null : view.incoming })),
});

export const useDeskView = create<DeskView>()((...slice) => ({
  ...createDeskCore(...slice),
  ...createProblemsSlice(...slice),
  ...createAgentStateSlice(...slice),
  ...createSimulatorSlice(...slice),
  ...createCustomerSlice(...slice),
  ...createPopSlice(...slice),
  ...createConnectionSlice(...slice),
  ...createSettingsSlice(...slice),
  ...createDiagnosticsSlice(...slice),
  ...createAnnotationSlice(...slice),
}));

function cardFocus(card: PopCard | undefined): Focus {
  return card ? { kind: 'call', callId: card.callId } : { kind: 'none' };
}

/** The newest call still under way: where the screen goes when the operator leaves a card. */
function liveCard(cards: PopCard[]): PopCard | undefined {
  return cards.findLast((c) => c.endedAt === null);
}

/** A card the desk no longer has (it restarted) whose note was being written: the note stays on screen as its draft. */
function draftOf(focus: Focus, drafts: Record<string, Draft>): Focus | undefined {
  const key = focusedKey(focus);
  return focus.kind === 'call' && key !== null && key in drafts ? { kind: 'draft', key } : undefined;
}

function stillShown(focus: Focus, cards: PopCard[], drafts: Record<string, Draft>): boolean {
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

function focusedDraft(view: Pick<DeskCore, 'focus' | 'drafts'>): Draft | undefined {
  const key = focusedKey(view.focus);
  return key === null ? undefined : view.drafts[key];
}

/** The customer a call's card shows: the only candidate, or the one the operator chose. */
export function shownCandidate(card: PopCard, chosen: Record<string, string>): PopCard['candidates'][number] | undefined {
  if (card.candidates.length === 1) return card.candidates[0];
  const id = chosen[card.callId];
  return card.candidates.find((c) => c.customer.id === id);
}
