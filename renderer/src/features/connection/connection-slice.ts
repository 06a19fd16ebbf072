/** The link to the desk and the desk's to its hub; signing in to the hub is the one request, and its dialog says a refusal itself. */
import type { StateCreator } from 'zustand';
import type { SyncStatus } from '../../../../shared/sync.js';
import type { ConnectionState } from '../../api/transport.js';
import type { DeskView } from '../../state/desk-state.js';

export interface ConnectionSlice {
  connection: ConnectionState;
  sync: SyncStatus | null;
  setConnection(state: ConnectionState): void;
  synced(status: SyncStatus): void;
  signIn(password: string): Promise<SyncStatus>;
}

export const createConnectionSlice: StateCreator<DeskView, [], [], ConnectionSlice> = (set, get) => ({
  connection: 'connecting',
  sync: null,
  setConnection: (connection) => set({ connection }),
  synced: (sync) => set({ sync }),
  signIn: (password) => get().attemptHere('signIn', (desk) => desk.signIn({ password })),
});
