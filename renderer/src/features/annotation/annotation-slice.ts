/**
 * Notes: the unsaved ones (drafts) as the desk keeps them plus this window's edits, and
 * saving or discarding one. The note form says a refusal beside itself, so those reject with it.
 */
import type { StateCreator } from 'zustand';
import type { RequestInput } from '../../../../shared/desk-api.js';
import { type Draft, type DraftSubject, draftKey, isBlankDraft } from '../../../../shared/draft.js';
import type { DeskView } from '../../state/desk-state.js';
import { type DraftSender, draftSenderFor } from './draft-sender.js';

export interface AnnotationSlice {
  /** Unsaved notes by draftKey, as the desk keeps them plus this window's edits not yet sent. */
  drafts: Record<string, Draft>;
  /** Drafts the desk has not kept yet, with why (it is restarting, or holds too many). */
  draftFailures: Record<string, unknown>;
  /** A draft as the desk kept it (from any attached UI): an older copy never replaces a newer edit. */
  draftKept(draft: Draft): void;
  /** A change typed in this window. */
  draftEdited(draft: Draft): void;
  draftRemoved(subject: DraftSubject): void;
  draftSendFailed(key: string, why: unknown): void;
  draftSent(key: string): void;
  saveAnnotation(annotation: RequestInput<'saveAnnotation'>): Promise<void>;
  discardDraft(subject: DraftSubject): Promise<void>;
  /** What sends this window's typing to the desk: one per desk. */
  draftSender(): DraftSender;
}

export const createAnnotationSlice: StateCreator<DeskView, [], [], AnnotationSlice> = (set, get) => ({
  drafts: {},
  draftFailures: {},
  draftKept: (draft) =>
    set((view) => {
      const key = draftKey(draft);
      const mine = view.drafts[key];
      if (mine && mine.updatedAt > draft.updatedAt) return {};
      return { drafts: { ...view.drafts, [key]: draft } };
    }),
  draftEdited: (draft) =>
    set((view) => {
      const { [draftKey(draft)]: _old, ...others } = view.drafts;
      return { drafts: isBlankDraft(draft) ? others : { ...others, [draftKey(draft)]: draft } };
    }),
  draftRemoved: (subject) =>
    set((view) => {
      const { [draftKey(subject)]: _gone, ...drafts } = view.drafts;
      return { drafts };
    }),
  draftSendFailed: (key, why) => set((view) => ({ draftFailures: { ...view.draftFailures, [key]: why } })),
  draftSent: (key) =>
    set((view) => {
      if (!(key in view.draftFailures)) return {};
      const { [key]: _ok, ...draftFailures } = view.draftFailures;
      return { draftFailures };
    }),
  saveAnnotation: async (annotation) => void (await get().attemptHere('saveAnnotation', (desk) => desk.saveAnnotation(annotation))),
  discardDraft: async (subject) => void (await get().attemptHere('discardDraft', (desk) => desk.discardDraft(subject))),
  draftSender: () => {
    const desk = get().desk;
    if (!desk) throw new Error('a note form before the desk is attached');
    return draftSenderFor(desk);
  },
});
