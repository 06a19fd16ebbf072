/**
 * A note the operator has started and not saved: kept in the desk's store (not only in
 * one window), so it outlives a reload, a crash of either host and a move from the
 * browser to the Electron desk. One draft per call, or per customer for a note written
 * outside any call; its mutation id becomes the saved interaction's, so a draft whose
 * note was saved can never come back.
 */
import { z } from 'zod';
import { AnnotationFieldsSchema } from './domain.js';
import { singleLineText } from './text-rules.js';

/**
 * The most drafts one desk keeps: each can be a long note, and every attached UI is sent
 * them all on attach. Far above a shift's worth; beyond it a new draft is refused, said
 * on screen, rather than an old one dropped.
 */
export const MAX_DRAFTS = 50;

/** What a draft belongs to: a call, or a customer when no call is involved. */
export const DraftSubjectSchema = z
  .strictObject({ callId: AnnotationFieldsSchema.shape.callId, customerId: AnnotationFieldsSchema.shape.customerId })
  .refine((s) => s.callId !== null || s.customerId !== null, { message: 'a draft belongs to a call or a customer' });
export type DraftSubject = z.infer<typeof DraftSubjectSchema>;

export const DraftSchema = z
  .strictObject({
    ...AnnotationFieldsSchema.shape,
    /** Empty until the operator picks one: a draft is whatever was typed so far. */
    disposition: singleLineText('dispositionCode'),
    /** As typed: a day still being written is kept as it is. */
    followUpOn: singleLineText('typedDay'),
    /** The caller as the card named them, so a draft whose call has left the screen still says whose it is. */
    customerName: singleLineText('customerLabel').nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .refine((d) => d.callId !== null || d.customerId !== null, { message: 'a draft belongs to a call or a customer' });
export type Draft = z.infer<typeof DraftSchema>;

/** The one key of a draft: its call's id, else its customer's. */
export function draftKey({ callId, customerId }: DraftSubject): string {
  return callId !== null ? `call:${callId}` : `customer:${customerId}`;
}

/** Nothing typed, nothing picked: such a draft is no draft and is removed rather than kept. */
export function isBlankDraft(draft: Pick<Draft, 'note' | 'disposition' | 'followUpOn'>): boolean {
  return draft.note === '' && draft.disposition === '' && draft.followUpOn === '';
}
