/** The diagnostics archive for IT; the button says where it went, or why not, beside itself. */
import type { StateCreator } from 'zustand';
import type { DeskView } from '../../state/desk-state.js';

export interface DiagnosticsSlice {
  /** The archive's path on the desk's machine. */
  exportDiagnostics(): Promise<string>;
}

export const createDiagnosticsSlice: StateCreator<DeskView, [], [], DiagnosticsSlice> = (_set, get) => ({
  exportDiagnostics: async () => (await get().attemptHere('exportDiagnostics', (desk) => desk.exportDiagnostics({}))).file,
});
