import { useCallback } from 'react';
import { useDeskClient } from '../../api/desk-context.js';
import { useDeskView } from '../../state/desk-state.js';
import { callKey } from './call-tabs.js';

/**
 * "Close card": a card with an unsaved note only leaves the screen (its tab stays, the
 * draft with it); any other closes on this screen at once, and the desk is told so
 * every attached screen closes it too.
 */
export function useCloseCard(): (callId: string) => void {
  const client = useDeskClient();
  return useCallback(
    (callId: string) => {
      const view = useDeskView.getState();
      if (callKey(callId) in view.drafts) return view.leave(callId);
      view.dismissed(callId);
      client.dismissCard({ callId }).catch((err: unknown) => console.error('dismissCard failed', err));
    },
    [client],
  );
}
