/** Saving and discarding notes; the note form says a refusal beside itself, so these reject with it. */
import type { StateCreator } from 'zustand';
import type { RequestInput } from '../../../../shared/desk-api.js';
import type { DraftSubject } from '../../../../shared/draft.js';
import type { DeskView } from '../../state/desk-state.js';
import { type DraftSender, draftSenderFor } from './draft-sender.js';

export interface AnnotationSlice {
  saveAnnotation(annotation: RequestInput<'saveAnnotation'>): Promise<void>;
  discardDraft(subject: DraftSubject): Promise<void>;
  /** What sends this window's typing to the desk: one per desk. */
  draftSender(): DraftSender;
}

export const createAnnotationSlice: StateCreator<DeskView, [], [], AnnotationSlice> = (_set, get) => ({
  saveAnnotation: async (annotation) => void (await get().attemptHere('saveAnnotation', (desk) => desk.saveAnnotation(annotation))),
  discardDraft: async (subject) => void (await get().attemptHere('discardDraft', (desk) => desk.discardDraft(subject))),
  draftSender: () => {
    const desk = get().desk;
    if (!desk) throw new Error('a note form before the desk is attached');
    return draftSenderFor(desk);
  },
});
