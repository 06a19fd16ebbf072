/**
 * Sends what the operator types to the desk's store: after a pause in typing (not a
 * request per key), at once when the note form is left, and when the page goes away.
 * A send that fails (the desk is restarting) is kept and sent again on the next attach.
 */
import type { DeskApi } from '../../../../shared/desk-api.js';
import { type Draft, draftKey } from '../../../../shared/draft.js';
import { useDeskView } from '../../state/desk-state.js';

/** Long enough to cover a burst of keys, short enough that a crash loses a few words at most. */
const SEND_AFTER_PAUSE_MS = 400;

export interface DraftSender {
  /** Shows the change in this window at once and sends it after the pause. */
  edit(draft: Draft): void;
  /** Sends a waiting change now. */
  flush(key: string): void;
  /** The draft was saved or discarded: a change still waiting must not bring it back. */
  forget(key: string): void;
  /** What the desk has not confirmed yet. */
  unsent(): Draft[];
  /** After a (re)attach: what did not reach the desk goes again. */
  resendUnsent(): void;
}

const senders = new WeakMap<DeskApi, DraftSender>();

export function draftSenderFor(client: DeskApi): DraftSender {
  let sender = senders.get(client);
  if (!sender) senders.set(client, (sender = createDraftSender(client)));
  return sender;
}

function createDraftSender(client: DeskApi): DraftSender {
  const waiting = new Map<string, { draft: Draft; timer: ReturnType<typeof setTimeout> }>();
  const unsent = new Map<string, Draft>();

  function send(key: string, draft: Draft): void {
    unsent.set(key, draft);
    client.saveDraft(draft).then(
      () => {
        if (unsent.get(key) === draft) unsent.delete(key);
        useDeskView.getState().draftSent(key);
      },
      (err: unknown) => useDeskView.getState().draftSendFailed(key, err),
    );
  }
  function flush(key: string): void {
    const change = waiting.get(key);
    if (!change) return;
    clearTimeout(change.timer);
    waiting.delete(key);
    send(key, change.draft);
  }
  // A reload or a closed window sends what is still waiting rather than dropping it.
  window.addEventListener('pagehide', () => [...waiting.keys()].forEach(flush));

  return {
    edit(draft) {
      const key = draftKey(draft);
      useDeskView.getState().draftEdited(draft);
      clearTimeout(waiting.get(key)?.timer);
      waiting.set(key, { draft, timer: setTimeout(() => flush(key), SEND_AFTER_PAUSE_MS) });
    },
    flush,
    forget(key) {
      clearTimeout(waiting.get(key)?.timer);
      waiting.delete(key);
      unsent.delete(key);
      useDeskView.getState().draftSent(key);
    },
    unsent: () => [...unsent.values(), ...[...waiting.values()].map((w) => w.draft)],
    resendUnsent() {
      for (const [key, draft] of unsent) send(key, draft);
    },
  };
}
