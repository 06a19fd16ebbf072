import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { type Draft, draftKey } from '../../../../../shared/draft.js';
import { type FixtureStore, openFixtureStore } from '../../../../support/fixture-desk.js';

let fixture: FixtureStore;
let file: string;
let store: DeskStore;

beforeEach(() => ({ store, file } = fixture = openFixtureStore('desk-drafts-')));
afterEach(() => {
  store.close();
  fixture.remove();
});

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  mutationId: randomUUID(), callId: 'call-1', customerId: '1001', customerName: 'Иван Иванов', phone: '+359888123456',
  note: 'Wants a refund', disposition: '', followUpOn: '', updatedAt: '2026-11-24T10:00:00.000Z', ...overrides,
});

describe('drafts in the desk store', () => {
  it('keeps one draft per call, and it is there after the file is opened again', () => {
    const first = draft();
    store.saveDraft(first);
    store.saveDraft({ ...first, note: 'Wants a refund for the router', disposition: 'callback', updatedAt: '2026-11-24T10:00:05.000Z' });
    store.close();
    store = openDeskStore(file);
    expect(store.listDrafts()).toEqual([{ ...first, note: 'Wants a refund for the router', disposition: 'callback', updatedAt: '2026-11-24T10:00:05.000Z' }]);
  });

  it('never lets a late, older copy overwrite a newer one', () => {
    const newer = draft({ note: 'newer', updatedAt: '2026-11-24T10:00:05.000Z' });
    expect(store.saveDraft(newer)).toBe(true);
    expect(store.saveDraft({ ...newer, note: 'older', updatedAt: '2026-11-24T10:00:01.000Z' })).toBe(false);
    expect(store.listDrafts().map((d) => d.note)).toEqual(['newer']);
  });

  it('keeps a customer’s own note apart from their calls’ notes', () => {
    store.saveDraft(draft());
    store.saveDraft(draft({ callId: null, note: 'About the contract' }));
    expect(store.listDrafts().map((d) => [draftKey(d), d.note])).toEqual([
      ['call:call-1', 'Wants a refund'],
      ['customer:1001', 'About the contract'],
    ]);
  });

  it('removes the draft in the same transaction that saves its note, and a resend after the save keeps nothing', () => {
    const kept = draft({ disposition: 'callback' });
    store.saveDraft(kept);
    store.recordAnnotation({ ...kept, disposition: 'callback', followUpOn: null }, { id: 'agent-1', name: 'Agent One' }, new Date('2026-11-24T10:01:00Z'));
    expect(store.listDrafts()).toEqual([]);
    expect(store.saveDraft({ ...kept, updatedAt: '2026-11-24T10:02:00.000Z' })).toBe(false);
    expect(store.listDrafts()).toEqual([]);
  });

  it('keeps the draft when saving its note fails', () => {
    const kept = draft();
    store.saveDraft(kept);
    // The outbox already holds this mutation id (a customer created with it): the annotation is rolled back.
    store.createCustomer({ mutationId: kept.mutationId, firstName: 'Clash', lastName: '', company: null, email: null, type: 'person', phones: [] }, new Date());
    expect(() => store.recordAnnotation({ ...kept, disposition: 'callback', followUpOn: null }, { id: 'agent-1', name: 'Agent One' }, new Date())).toThrow();
    expect(store.listDrafts().map((d) => d.note)).toEqual(['Wants a refund']);
  });

  it('discards a draft on purpose, and says whether there was one', () => {
    store.saveDraft(draft());
    expect(store.discardDraft('call:call-1')).toBe(true);
    expect(store.discardDraft('call:call-1')).toBe(false);
    expect(store.listDrafts()).toEqual([]);
  });
});
