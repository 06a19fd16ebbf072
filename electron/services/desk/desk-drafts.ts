/**
 * The desk's side of drafts: kept in the store and echoed to every attached UI, so a
 * note typed in one window is there in the next one, and gone from all once saved.
 */
import type { Annotation, Interaction } from '../../../shared/domain.js';
import type { DeskEvent, DeskHandlers } from '../../../shared/desk-api.js';
import { type DraftSubject, draftKey, isBlankDraft, MAX_DRAFTS } from '../../../shared/draft.js';
import { DeskRequestError } from '../../../shared/desk-wire.js';
import type { DraftReader, DraftWriter } from '../store/desk-store.js';

export function createDeskDrafts(store: DraftReader & DraftWriter, emit: (event: DeskEvent) => void) {
  function discard(subject: DraftSubject): void {
    if (store.discardDraft(draftKey(subject))) emit({ name: 'draftRemoved', payload: { callId: subject.callId, customerId: subject.customerId } });
  }
  const handlers: Pick<DeskHandlers, 'saveDraft' | 'discardDraft'> = {
    async saveDraft(draft) {
      // Everything typed was erased: nothing is left to keep.
      if (isBlankDraft(draft)) {
        discard(draft);
        return {};
      }
      const held = store.listDrafts();
      if (held.length >= MAX_DRAFTS && !held.some((d) => draftKey(d) === draftKey(draft))) {
        throw new DeskRequestError('refused', 'tooManyDrafts', { count: MAX_DRAFTS });
      }
      if (store.saveDraft(draft)) emit({ name: 'draft', payload: draft });
      return {};
    },
    async discardDraft(subject) {
      discard(subject);
      return {};
    },
  };
  return {
    handlers,
    /** Records an annotation (which removes its draft in the same transaction) and tells every UI the draft is gone. */
    recordAnnotation(annotation: Annotation, record: () => Interaction): Interaction {
      const held = store.listDrafts().find((d) => d.mutationId === annotation.mutationId);
      const interaction = record();
      if (held) emit({ name: 'draftRemoved', payload: { callId: held.callId, customerId: held.customerId } });
      return interaction;
    },
  };
}
