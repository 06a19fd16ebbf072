/** The calls this desk finished, newest first, as the desk logs them. */
import type { StateCreator } from 'zustand';
import type { CallLogEntry } from '../../../../shared/call.js';
import type { DeskView } from '../../state/desk-state.js';

const CALL_LOG_KEPT = 200;

export interface CallLogSlice {
  callLog: CallLogEntry[];
  logged(entry: CallLogEntry): void;
}

export const createCallLogSlice: StateCreator<DeskView, [], [], CallLogSlice> = (set) => ({
  callLog: [],
  logged: (entry) => set((view) => ({ callLog: [entry, ...view.callLog.filter((e) => e.callId !== entry.callId)].slice(0, CALL_LOG_KEPT) })),
});
