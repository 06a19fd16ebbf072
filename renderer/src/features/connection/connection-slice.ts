/** Signing this desk's agent in to the hub; the dialog says a refusal itself, so the action rejects with it. */
import type { StateCreator } from 'zustand';
import type { SyncStatus } from '../../../../shared/sync.js';
import type { DeskView } from '../../state/desk-state.js';

export interface ConnectionSlice {
  signIn(password: string): Promise<SyncStatus>;
}

export const createConnectionSlice: StateCreator<DeskView, [], [], ConnectionSlice> = (_set, get) => ({
  signIn: (password) => get().attemptHere('signIn', (desk) => desk.signIn({ password })),
});
