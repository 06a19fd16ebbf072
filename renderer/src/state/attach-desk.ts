/**
 * Feeds the view store from the desk: events as they come, and the whole desk state
 * on every (re)connect, so a UI that was away catches up on calls it missed.
 */
import type { DeskClient } from '../../../shared/desk-api.js';
import type { DeskTransport } from '../api/transport.js';
import { useDeskView } from './desk-state.js';
import { draftSenderFor } from '../features/annotation/draft-sender.js';

export function attachDesk(client: DeskClient, transport: DeskTransport): () => void {
  const view = useDeskView.getState();
  view.connectDesk(client);
  const stops = [
    client.on('pop', view.pop),
    client.on('cardDismissed', ({ callId }) => view.dismissed(callId)),
    client.on('callLogged', view.logged),
    client.on('draft', view.draftKept),
    client.on('draftRemoved', view.draftRemoved),
    client.on('syncStatus', view.synced),
    client.on('agentState', view.agentStateChanged),
    client.on('language', view.languageChanged),
    transport.onConnection((state) => {
      view.setConnection(state);
      if (state !== 'connected') return;
      void view.attempt('readDesk', (desk) => desk.getDeskState({})).then((state) => {
        if (!state) return;
        const drafts = draftSenderFor(client);
        view.attach(state, drafts.unsent());
        drafts.resendUnsent();
      });
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
