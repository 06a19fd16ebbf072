/**
 * Drafts in the desk store: what the operator typed and has not saved. A resend that
 * arrives after a newer copy, or after the note itself was saved, changes nothing, so
 * a late request can neither roll a draft back nor bring a saved one back.
 */
import type { Database } from 'better-sqlite3';
import { type Draft, draftKey } from '../../../shared/draft.js';
import { toDraft } from './rows.js';

export interface DraftWrites {
  /** False when nothing was kept: a newer copy is stored, or the note was already saved. */
  saveDraft(draft: Draft): boolean;
  /** False when there was no such draft. */
  discardDraft(key: string): boolean;
  /** Oldest first, as the tabs list them. */
  listDrafts(): Draft[];
}

export function createDraftWrites(db: Database): DraftWrites & { removeSaved(mutationId: string): void } {
  const sql = {
    upsert: db.prepare(`
      INSERT INTO drafts (draft_key, call_id, customer_id, customer_name, phone, note, disposition, follow_up_on, mutation_id, updated_at)
      SELECT @key, @callId, @customerId, @customerName, @phone, @note, @disposition, @followUpOn, @mutationId, @updatedAt
      WHERE NOT EXISTS (SELECT 1 FROM interactions WHERE id = @mutationId)
      ON CONFLICT (draft_key) DO UPDATE SET
        customer_id = excluded.customer_id, customer_name = excluded.customer_name, phone = excluded.phone, note = excluded.note,
        disposition = excluded.disposition, follow_up_on = excluded.follow_up_on, mutation_id = excluded.mutation_id, updated_at = excluded.updated_at
      WHERE excluded.updated_at >= drafts.updated_at`),
    discard: db.prepare('DELETE FROM drafts WHERE draft_key = ?'),
    removeSaved: db.prepare('DELETE FROM drafts WHERE mutation_id = ?'),
    list: db.prepare('SELECT * FROM drafts ORDER BY updated_at, draft_key'),
  };
  return {
    saveDraft(draft) {
      const { customerName, ...fields } = draft;
      return sql.upsert.run({ ...fields, customerName, key: draftKey(draft) }).changes > 0;
    },
    discardDraft: (key) => sql.discard.run(key).changes > 0,
    listDrafts: () => (sql.list.all() as Record<string, unknown>[]).map(toDraft),
    removeSaved(mutationId) {
      sql.removeSaved.run(mutationId);
    },
  };
}
