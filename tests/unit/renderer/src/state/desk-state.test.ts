import { beforeEach, describe, expect, it } from 'vitest';
import { shownCandidate } from '../../../../../renderer/src/features/pop/focus.js';
import { useDeskView } from '../../../../../renderer/src/state/desk-state.js';
import type { CallLogEntry, PopCard } from '../../../../../shared/call.js';
import type { Draft } from '../../../../../shared/draft.js';
import { callTabs } from '../../../../../renderer/src/features/pop/call-tabs.js';
import { ivan, switchboardA, switchboardB } from '../../../../fixtures/desk-customers.js';

const candidate = (c: typeof ivan) => ({ ...c, purchases: [], tickets: [], interactions: [], matchedPhone: c.phones[0]!.e164 });

function card(callId: string, overrides: Partial<PopCard> = {}): PopCard {
  return {
    callId,
    state: 'ringing',
    direction: 'inbound',
    remote: { raw: '0888123456' },
    phone: { kind: 'e164', raw: '0888123456', e164: '+359888123456', nationalNumber: '888123456', country: 'BG' },
    match: 'exact',
    candidates: [candidate(ivan)],
    startedAt: '2026-11-24T10:00:00.000Z',
    answeredAt: null,
    endedAt: null,
    ...overrides,
  };
}

const settings = {
  agent: { id: 'a', name: 'A' },
  region: 'BG',
  dispositions: [{ code: 'resolved', label: 'Resolved' }],
  historyDays: 365,
  simulator: false,
  configuration: { locked: [], problems: [] },
  storeSetAside: null,
};
const live = {
  sync: { state: 'off' as const, pending: 0, rejected: 0, lastRefusal: null, offlineSince: null, lastSyncAt: null, lastError: null },
  agentState: { state: 'available' as const, since: '2026-11-24T08:00:00.000Z', breakReason: null, wrapUpEndsAt: null },
  language: { locale: 'en' as const, timeZone: 'UTC' },
};
const view = () => useDeskView.getState();

beforeEach(() => {
  useDeskView.setState({ cards: [], chosen: {}, callLog: [], drafts: {}, writing: false, incoming: null, focus: { kind: 'none' }, settings: null, connection: 'connecting' });
});

describe('the renderer view of the desk', () => {
  it('brings a new call to the front and keeps one card per call id', () => {
    view().pop(card('c1'));
    view().pop(card('c2'));
    expect(view().focus).toEqual({ kind: 'call', callId: 'c2' });
    view().focusOn({ kind: 'call', callId: 'c1' });
    view().pop(card('c2', { state: 'answered' }));
    expect(view().cards.map((c) => [c.callId, c.state])).toEqual([['c1', 'ringing'], ['c2', 'answered']]);
    // An update to a call already on screen does not steal the operator's focus.
    expect(view().focus).toEqual({ kind: 'call', callId: 'c1' });
  });

  it('moves to the latest remaining call when the focused card is dismissed', () => {
    view().pop(card('c1'));
    view().pop(card('c2'));
    view().choose('c2', '1001');
    view().dismissed('c2');
    expect(view().cards.map((c) => c.callId)).toEqual(['c1']);
    expect(view().chosen).toEqual({});
    expect(view().focus).toEqual({ kind: 'call', callId: 'c1' });
    view().dismissed('c1');
    expect(view().focus).toEqual({ kind: 'none' });
  });

  it('on (re)attach takes the desk’s cards and keeps a customer the operator has open', () => {
    view().focusOn({ kind: 'customer', card: { ...ivan, purchases: [], tickets: [], interactions: [] } });
    view().attach({ ...settings, ...live, cards: [card('c9')], callLog: [], drafts: [] });
    expect(view().settings).toEqual(settings);
    expect(view().focus.kind).toBe('customer');
    view().focusOn({ kind: 'none' });
    view().attach({ ...settings, ...live, cards: [card('c8', { state: 'ended' }), card('c9')], callLog: [], drafts: [] });
    expect(view().focus).toEqual({ kind: 'call', callId: 'c9' });
  });

  it('keeps one call-log row per call, newest first', () => {
    const entry = (callId: string): CallLogEntry => ({
      callId, outcome: 'missed', direction: 'inbound', remoteRaw: 'x', phone: null, customerId: null, customerName: null,
      match: 'none', startedAt: '2026-11-24T10:00:00.000Z', answeredAt: null, endedAt: '2026-11-24T10:01:00.000Z',
    });
    view().logged(entry('a'));
    view().logged(entry('b'));
    view().logged(entry('a'));
    expect(view().callLog.map((e) => e.callId)).toEqual(['a', 'b']);
  });

  it('shows the only candidate, or the chosen one of several', () => {
    const shared = card('s1', { candidates: [candidate(switchboardA), candidate(switchboardB)] });
    expect(shownCandidate(card('k1'), {})?.customer.id).toBe('1001');
    expect(shownCandidate(shared, {})).toBeUndefined();
    expect(shownCandidate(shared, { s1: '1004' })?.customer.id).toBe('1004');
  });

  it('keeps the sync status and the agent state apart from the settings, so their changes leave the settings object as it was', () => {
    view().attach({ ...settings, ...live, cards: [], callLog: [], drafts: [] });
    const before = view().settings;
    view().synced({ ...live.sync, state: 'online', pending: 2 });
    view().agentStateChanged({ ...live.agentState, state: 'ringing' });
    expect(view().settings).toBe(before);
    expect(view().sync).toMatchObject({ state: 'online', pending: 2 });
    expect(view().agentState?.state).toBe('ringing');
  });

  it('a new call waits in its tab while the operator writes a note, and is announced', () => {
    view().pop(card('c1', { state: 'answered' }));
    view().setWriting(true);
    view().pop(card('c2'));
    expect(view().focus).toEqual({ kind: 'call', callId: 'c1' });
    expect(view().incoming).toBe('c2');
    view().focusOn({ kind: 'call', callId: 'c2' });
    expect(view().incoming).toBeNull();
  });

  it('a draft on screen keeps the screen even when the keyboard has left the note', () => {
    view().pop(card('c1', { state: 'answered' }));
    view().draftEdited(draft('c1'));
    view().pop(card('c2'));
    expect(view().focus).toEqual({ kind: 'call', callId: 'c1' });
  });

  it('an older copy of a draft from the desk does not replace a newer edit; an erased draft goes', () => {
    view().draftEdited(draft('c1', { note: 'newer', updatedAt: '2026-11-24T10:00:05.000Z' }));
    view().draftKept(draft('c1', { note: 'older', updatedAt: '2026-11-24T10:00:01.000Z' }));
    expect(view().drafts['call:c1']?.note).toBe('newer');
    view().draftEdited(draft('c1', { note: '', updatedAt: '2026-11-24T10:00:06.000Z' }));
    expect(view().drafts).toEqual({});
  });

  it('a card closed elsewhere while its note is on screen leaves the note on screen as its draft', () => {
    view().pop(card('c1', { state: 'answered' }));
    view().draftEdited(draft('c1'));
    view().dismissed('c1');
    expect(view().focus).toEqual({ kind: 'draft', key: 'call:c1' });
  });

  it('leaving a card with a draft goes to the newest live call and keeps the card', () => {
    view().pop(card('c1'));
    view().pop(card('c2', { state: 'ended', endedAt: '2026-11-24T10:05:00.000Z' }));
    view().focusOn({ kind: 'call', callId: 'c2' });
    view().leave('c2');
    expect(view().focus).toEqual({ kind: 'call', callId: 'c1' });
    expect(view().cards.map((c) => c.callId)).toEqual(['c1', 'c2']);
  });
});

describe('call tabs', () => {
  const ended = (callId: string) => card(callId, { state: 'missed', endedAt: '2026-11-24T10:01:00.000Z' });
  const names = (tabs: ReturnType<typeof callTabs>) => tabs.map((t) => (t.kind === 'call' ? t.card.callId : `draft ${t.draft.callId ?? t.draft.customerId}`));

  it('finished calls leave the tabs unless on screen or holding a draft', () => {
    const cards = [ended('m1'), ended('m2'), ended('m3'), card('live')];
    expect(names(callTabs(cards, {}, { kind: 'call', callId: 'live' }))).toEqual(['live']);
    expect(names(callTabs(cards, {}, { kind: 'call', callId: 'm2' }))).toEqual(['m2', 'live']);
    expect(names(callTabs(cards, { 'call:m1': draft('m1') }, { kind: 'none' }))).toEqual(['m1', 'live']);
  });

  it('a draft whose call has left the desk has a tab of its own', () => {
    expect(names(callTabs([], { 'call:gone': draft('gone') }, { kind: 'none' }))).toEqual(['draft gone']);
  });
});

function draft(callId: string, overrides: Partial<Draft> = {}): Draft {
  return {
    mutationId: '00000000-0000-4000-8000-000000000001', callId, customerId: '1001', customerName: 'Иван Иванов', phone: '+359888123456',
    note: 'Wants a refund', disposition: '', followUpOn: '', updatedAt: '2026-11-24T10:00:00.000Z', ...overrides,
  };
}
