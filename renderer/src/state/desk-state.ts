/**
 * What the UI knows of its desk: one zustand store fed by desk events, composed of each
 * feature's slice (in that feature's folder), whose actions own the feature's requests to
 * the desk. What is left here is the desk itself and the (re)attach, which sets every slice at once.
 */
import { create, type StateCreator } from 'zustand';
import type { DeskClient, DeskState } from '../../../shared/desk-api.js';
import { type Draft, draftKey, isBlankDraft } from '../../../shared/draft.js';
import { type AgentStateSlice, createAgentStateSlice } from '../features/agent-state/agent-state-slice.js';
import { type AnnotationSlice, createAnnotationSlice } from '../features/annotation/annotation-slice.js';
import { type CallLogSlice, createCallLogSlice } from '../features/calllog/calllog-slice.js';
import { type ConnectionSlice, createConnectionSlice } from '../features/connection/connection-slice.js';
import { createCustomerSlice, type CustomerSlice } from '../features/customer/customer-slice.js';
import { createDiagnosticsSlice, type DiagnosticsSlice } from '../features/diagnostics/diagnostics-slice.js';
import { cardFocus, draftOf, liveCard, stillShown } from '../features/pop/focus.js';
import { createPopSlice, type PopSlice } from '../features/pop/pop-slice.js';
import { createProblemsSlice, type ProblemsSlice } from '../features/problems/problems-slice.js';
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settings-slice.js';
import { createSimulatorSlice, type SimulatorSlice } from '../features/simulator/simulator-slice.js';

/** What changes only on (re)attach; the live parts (calls, sync, agent state, language) are kept apart so a change to them re-renders only what shows them. */
export type DeskSettings = Omit<DeskState, 'cards' | 'drafts' | 'callLog' | 'sync' | 'agentState' | 'language'>;

interface DeskCore {
  /** The desk this window talks to; the slices' actions reach it through `attempt`. */
  desk: DeskClient | null;
  settings: DeskSettings | null;
  connectDesk(desk: DeskClient): void;
  /** `unsent`: this window's drafts the desk has not confirmed; they outrank its older copies. */
  attach(state: DeskState, unsent?: Draft[]): void;
}

export type DeskView = DeskCore &
  ProblemsSlice &
  ConnectionSlice &
  PopSlice &
  AnnotationSlice &
  CallLogSlice &
  AgentStateSlice &
  SettingsSlice &
  CustomerSlice &
  SimulatorSlice &
  DiagnosticsSlice;

const createDeskCore: StateCreator<DeskView, [], [], DeskCore> = (set) => ({
  desk: null,
  settings: null,
  connectDesk: (desk) => set({ desk }),
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
});

export const useDeskView = create<DeskView>()((...slice) => ({
  ...createDeskCore(...slice),
  ...createProblemsSlice(...slice),
  ...createConnectionSlice(...slice),
  ...createPopSlice(...slice),
  ...createAnnotationSlice(...slice),
  ...createCallLogSlice(...slice),
  ...createAgentStateSlice(...slice),
  ...createSettingsSlice(...slice),
  ...createCustomerSlice(...slice),
  ...createSimulatorSlice(...slice),
  ...createDiagnosticsSlice(...slice),
}));
