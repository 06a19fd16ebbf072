import { useCallback } from 'react';
import { useDeskClient } from '../../api/desk-context.js';
import { useDeskView } from '../../state/desk-state.js';

/** Closes a card on this screen at once, and tells the desk so other attached screens close it too. */
export function useDismissCard(): (callId: string) => void {
  const client = useDeskClient();
  return useCallback(
    (callId: string) => {
      useDeskView.getState().dismissed(callId);
      client.dismissCard({ callId }).catch((err: unknown) => console.error('dismissCard failed', err));
    },
    [client],
  );
}
