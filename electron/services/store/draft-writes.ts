/**
 * Drafts in the desk store: what the operator typed and has not saved. A resend that
 * arrives after a newer copy, or after the note itself was saved, changes nothing, so
 * a late request can neither roll a draft back nor bring a saved one back.
 */
import type { Database } from 'better-sqlite3';
import { type Draft, draftKey } from '../../../shared/draft.js';
import type { DraftReader, DraftWriter } from './desk-store.js';
import type { StoredRow } from './sql-columns.js';
import { DRAFTS } from './tables.js';

export function createDraftWrites(db: Database): DraftReader & DraftWriter & { removeSaved(mutationId: string): void } {
  const sql = {
    upsert: db.prepare(
      DRAFTS.upsert({
        key: 'draftKey',
        onlyIf: `NOT EXISTS (SELECT 1 FROM interactions WHERE id = @mutationId)`,
        when: `excluded.${DRAFTS.column('updatedAt')} >= drafts.${DRAFTS.column('updatedAt')}`,
      }),
    ),
    discard: db.prepare('DELETE FROM drafts WHERE draft_key = ?'),
    removeSaved: db.prepare('DELETE FROM drafts WHERE mutation_id = ?'),
    list: db.prepare<[], StoredRow<Draft>>(`SELECT ${DRAFTS.select()} FROM drafts ORDER BY updated_at, draft_key`),
  };
  return {
    saveDraft: (draft) => sql.upsert.run(DRAFTS.params({ ...draft, draftKey: draftKey(draft) })).changes > 0,
    discardDraft: (key) => sql.discard.run(key).changes > 0,
    listDrafts: () => sql.list.all().map(DRAFTS.read),
    removeSaved(mutationId) {
      sql.removeSaved.run(mutationId);
    },
  };
}
