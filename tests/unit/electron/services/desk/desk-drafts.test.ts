import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../../../shared/desk-api.js';
import { type Draft, MAX_DRAFTS } from '../../../../../shared/draft.js';
import { type Desk } from '../../../../../electron/services/desk/desk.js';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { type FixtureDesk, openFixtureDesk } from '../../../../support/fixture-desk.js';

let fixture: FixtureDesk;
let store: DeskStore;
let desk: Desk;
let events: DeskEvent[];

beforeEach(() => ({ store, desk, events } = fixture = openFixtureDesk('desk-drafts-')));
afterEach(() => {
  desk.stop();
  store.close();
  fixture.remove();
});

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  mutationId: randomUUID(), callId: 'c1', customerId: '1001', customerName: 'Иван Иванов', phone: '+359888123456',
  note: 'Wants a refund', disposition: 'callback', followUpOn: '', updatedAt: new Date().toISOString(), ...overrides,
});
const draftEvents = () => events.filter((e) => e.name === 'draft' || e.name === 'draftRemoved');

describe('drafts on the desk', () => {
  it('keeps a draft for every attached UI: in the desk state and as an event', async () => {
    const kept = draft();
    await desk.handlers.saveDraft(kept);
    expect(draftEvents()).toEqual([{ name: 'draft', payload: kept }]);
    expect((await desk.handlers.getDeskState({})).drafts).toEqual([kept]);
  });

  it('saving the note removes its draft and tells every UI', async () => {
    const kept = draft();
    await desk.handlers.saveDraft(kept);
    await desk.handlers.saveAnnotation({ ...kept, followUpOn: null });
    expect(draftEvents().at(-1)).toEqual({ name: 'draftRemoved', payload: { callId: 'c1', customerId: '1001' } });
    expect((await desk.handlers.getDeskState({})).drafts).toEqual([]);
  });

  it('a draft erased to nothing is removed, not kept empty', async () => {
    const kept = draft();
    await desk.handlers.saveDraft(kept);
    await desk.handlers.saveDraft({ ...kept, note: '', disposition: '', updatedAt: new Date(Date.now() + 1000).toISOString() });
    expect(draftEvents().map((e) => e.name)).toEqual(['draft', 'draftRemoved']);
    expect(store.listDrafts()).toEqual([]);
  });

  it('discards a draft on purpose; discarding one that is not there tells no one', async () => {
    await desk.handlers.saveDraft(draft());
    await desk.handlers.discardDraft({ callId: 'c1', customerId: '1001' });
    await desk.handlers.discardDraft({ callId: 'c1', customerId: '1001' });
    expect(draftEvents().map((e) => e.name)).toEqual(['draft', 'draftRemoved']);
  });
});

describe('the bound on drafts', () => {
  it('refuses a new draft beyond the most a desk keeps, with a sentence, and still takes changes to the ones it has', async () => {
    for (let i = 0; i < MAX_DRAFTS; i++) await desk.handlers.saveDraft(draft({ callId: `c${i}` }));
    await expect(desk.handlers.saveDraft(draft({ callId: 'one-more' }))).rejects.toMatchObject({ error: { code: 'refused', key: 'tooManyDrafts', values: { count: MAX_DRAFTS } } });
    await desk.handlers.saveDraft(draft({ callId: 'c0', note: 'changed', updatedAt: new Date(Date.now() + 1000).toISOString() }));
    expect(store.listDrafts().find((d) => d.callId === 'c0')?.note).toBe('changed');
    expect(store.listDrafts()).toHaveLength(MAX_DRAFTS);
  });
});
