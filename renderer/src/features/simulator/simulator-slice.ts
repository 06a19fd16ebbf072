/** The developer menu's one action: ring a simulated call (its card comes as a pop like any other). */
import type { StateCreator } from 'zustand';
import type { SimulatedScenario } from '../../../../shared/desk-api.js';
import type { DeskView } from '../../state/desk-state.js';

export interface SimulatorSlice {
  simulateCall(scenario: SimulatedScenario): Promise<void>;
}

export const createSimulatorSlice: StateCreator<DeskView, [], [], SimulatorSlice> = (_set, get) => ({
  simulateCall: async (scenario) => void (await get().attempt('simulateCall', (desk) => desk.simulateCall({ scenario }))),
});
