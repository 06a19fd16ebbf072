/**
 * The agent's own state. Only the desk's agentState event writes it: the desk tells every
 * attached screen, this one included, so an answer to our own request would be a second
 * writer that could land after a newer event and put an older state back.
 */
import type { StateCreator } from 'zustand';
import type { DeskAgentState, RequestInput } from '../../../../shared/desk-api.js';
import type { DeskView } from '../../state/desk-state.js';

export interface AgentStateSlice {
  agentState: DeskAgentState | null;
  agentStateChanged(agentState: DeskAgentState): void;
  setAgentState(input: RequestInput<'setAgentState'>): Promise<void>;
  /** Back to available before the wrap-up runs out. */
  endWrapUp(): Promise<void>;
}

export const createAgentStateSlice: StateCreator<DeskView, [], [], AgentStateSlice> = (set, get) => ({
  agentState: null,
  agentStateChanged: (agentState) => set({ agentState }),
  setAgentState: async (input) => void (await get().attempt('setAgentState', (desk) => desk.setAgentState(input))),
  endWrapUp: async () => void (await get().attempt('endWrapUp', (desk) => desk.setAgentState({ state: 'available' }))),
});
