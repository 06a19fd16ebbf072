/**
 * Sends what the operator types to the desk's store: after a pause in typing (not a
 * request per key), at once when the note form is left, and when the page goes away.
 * A send that fails (the desk is restarting, its disk is full) is kept and sent again on
 * the next attach; until the desk confirms it, a copy waits in this page's localStorage, so
 * a reload while the desk cannot keep it does not take the words with the page.
 */
import type { DeskApi } from '../../../../shared/desk-api.js';
import { z } from 'zod';
import { type Draft, draftKey, DraftSchema, MAX_DRAFTS } from '../../../../shared/draft.js';
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

const UNCONFIRMED_KEY = 'agent-desk.unconfirmed-drafts';
const UnconfirmedSchema = z.array(DraftSchema).max(MAX_DRAFTS);

/** What an earlier page left unconfirmed; anything unreadable is no draft of ours. */
function readUnconfirmed(): Draft[] {
  try {
    const parsed = UnconfirmedSchema.safeParse(JSON.parse(localStorage.getItem(UNCONFIRMED_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function writeUnconfirmed(drafts: Draft[]): void {
  try {
    if (drafts.length === 0) localStorage.removeItem(UNCONFIRMED_KEY);
    else localStorage.setItem(UNCONFIRMED_KEY, JSON.stringify(drafts.slice(-MAX_DRAFTS)));
  } catch {
    // A full or disabled localStorage leaves the copy in this window and the desk's own retries.
  }
}

export function draftSenderFor(client: DeskApi): DraftSender {
  let sender = senders.get(client);
  if (!sender) senders.set(client, (sender = createDraftSender(client)));
  return sender;
}

function createDraftSender(client: DeskApi): DraftSender {
  const waiting = new Map<string, { draft: Draft; timer: ReturnType<typeof setTimeout> }>();
  const unsent = new Map<string, Draft>(readUnconfirmed().map((draft) => [draftKey(draft), draft]));
  const unconfirmed = () => [...unsent.values(), ...[...waiting.values()].map((w) => w.draft)];
  const remember = () => writeUnconfirmed(unconfirmed());

  function send(key: string, draft: Draft): void {
    unsent.set(key, draft);
    remember();
    client.saveDraft(draft).then(
      () => {
        if (unsent.get(key) === draft) unsent.delete(key);
        remember();
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
      remember();
    },
    flush,
    forget(key) {
      clearTimeout(waiting.get(key)?.timer);
      waiting.delete(key);
      unsent.delete(key);
      remember();
      useDeskView.getState().draftSent(key);
    },
    unsent: unconfirmed,
    resendUnsent() {
      for (const [key, draft] of unsent) send(key, draft);
    },
  };
}
