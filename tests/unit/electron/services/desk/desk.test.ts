import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallEventInput } from '../../../../../shared/call.js';
import { CallEventSchema } from '../../../../../shared/call.js';
import type { DeskEvent } from '../../../../../shared/desk-api.js';
import { parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { createDesk, type Desk } from '../../../../../electron/services/desk/desk.js';
import { silentLogger } from '../../../../../electron/services/log.js';
import { SignInRefused } from '../../../../../electron/services/sync/hub-session.js';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { type FixtureDesk, openFixtureDesk } from '../../../../support/fixture-desk.js';

let fixture: FixtureDesk;
let store: DeskStore;
let desk: Desk;
let events: DeskEvent[];

const ring = (e: CallEventInput) => desk.onCallEvent(CallEventSchema.parse(e), 'test');
const pops = () => events.flatMap((e) => (e.name === 'pop' ? [e.payload] : []));

beforeEach(() => ({ store, desk, events } = fixture = openFixtureDesk('desk-')));
afterEach(() => {
  store.close();
  fixture.remove();
});

describe('desk orchestrator', () => {
  it('pops the customer for a national-format number', () => {
    ring({ callId: 'c1', state: 'ringing', remote: '0888 123 456' });
    expect(pops()).toHaveLength(1);
    const card = pops()[0]!;
    expect(card.match).toBe('exact');
    expect(card.candidates.map((c) => c.customer.lastName)).toEqual(['Иванов']);
    expect(card.candidates[0]!.matchedPhone).toBe('+359888123456');
    expect(card.candidates[0]!.tickets[0]!.subject).toBe('Router drops Wi-Fi at night');
  });

  it('pops once per callId however often the bridge repeats itself', () => {
    for (let i = 0; i < 3; i++) ring({ callId: 'c1', state: 'ringing', remote: 'sip:+359888123456@pbx;user=phone' });
    expect(pops()).toHaveLength(1);
  });

  it('updates the same card as the call is answered and ends, and logs it once', () => {
    ring({ callId: 'c1', state: 'ringing', remote: '+359888123456' });
    ring({ callId: 'c1', state: 'answered', remote: '+359888123456' });
    ring({ callId: 'c1', state: 'ended', remote: '+359888123456' });
    ring({ callId: 'c1', state: 'ended', remote: '+359888123456' });
    expect(pops().map((c) => c.state)).toEqual(['ringing', 'answered', 'ended']);
    expect(new Set(pops().map((c) => c.callId)).size).toBe(1);
    expect(events.filter((e) => e.name === 'callLogged')).toHaveLength(1);
    expect(store.listCallLog(10)).toMatchObject([{ callId: 'c1', outcome: 'ended', customerId: '1001' }]);
  });

  it('never pops again for a late ringing after the call ended', () => {
    ring({ callId: 'c1', state: 'ringing', remote: '+359888123456' });
    ring({ callId: 'c1', state: 'missed', remote: '+359888123456' });
    ring({ callId: 'c1', state: 'ringing', remote: '+359888123456' });
    expect(pops().map((c) => c.state)).toEqual(['ringing', 'missed']);
    expect(store.listCallLog(10)).toMatchObject([{ callId: 'c1', outcome: 'missed' }]);
  });

  it('logs a call a colleague took as taken elsewhere, not as missed', () => {
    ring({ callId: 'c7', state: 'ringing', remote: '+359888123456' });
    ring({ callId: 'c7', state: 'answered_elsewhere', remote: '+359888123456' });
    ring({ callId: 'c7', state: 'missed', remote: '+359888123456' });
    expect(pops().map((c) => c.state)).toEqual(['ringing', 'answered_elsewhere']);
    expect(store.listCallLog(10)).toMatchObject([{ callId: 'c7', outcome: 'answered_elsewhere', customerName: 'Иван Иванов' }]);
  });

  it('offers every customer behind a shared number', () => {
    ring({ callId: 'c2', state: 'ringing', remote: '02 123 4567' });
    const card = pops()[0]!;
    expect(card.match).toBe('exact');
    expect(card.candidates.map((c) => c.customer.id).sort()).toEqual(['1003', '1004']);
  });

  it('marks a national-number-only match as probable', () => {
    // A Polish customer's number sent without its country code to a Bulgarian desk.
    ring({ callId: 'c3', state: 'ringing', remote: '600123456' });
    const card = pops()[0]!;
    expect(card.match).toBe('probable');
    expect(card.candidates.map((c) => c.customer.id)).toEqual(['1002']);
  });

  it('pops an unknown-caller card for a valid number nobody has', () => {
    ring({ callId: 'c4', state: 'ringing', remote: '+359888999000' });
    expect(pops()[0]).toMatchObject({ match: 'none', candidates: [], phone: { kind: 'e164', e164: '+359888999000' } });
  });

  it('pops a withheld card for an anonymous caller', () => {
    ring({ callId: 'c5', state: 'ringing', remote: 'sip:anonymous@anonymous.invalid' });
    expect(pops()[0]).toMatchObject({ match: 'withheld', candidates: [] });
  });

  it('logs a call that ended before the desk saw it ring, without popping it', () => {
    ring({ callId: 'c6', state: 'missed', remote: '+359888123456' });
    expect(pops()).toHaveLength(0);
    expect(store.listCallLog(10)).toMatchObject([{ callId: 'c6', outcome: 'missed', customerId: '1001' }]);
  });

  it('shows a saved note on every open card of that customer', async () => {
    ring({ callId: 'c1', state: 'ringing', remote: '+359888123456' });
    await desk.handlers.saveAnnotation({
      mutationId: '9b2f9a52-4c3e-4d7e-9d8e-3b1f6a0c2d11',
      callId: 'c1',
      customerId: '1001',
      phone: '+359888123456',
      note: 'Wants a replacement router',
      disposition: 'callback',
      followUpOn: '2026-12-01',
    });
    const latest = pops().at(-1)!;
    expect(latest.candidates[0]!.interactions[0]).toMatchObject({ note: 'Wants a replacement router', disposition: 'callback' });
  });

  it('refuses a disposition that is not in the desk’s list', async () => {
    await expect(
      desk.handlers.saveAnnotation({
        mutationId: '9b2f9a52-4c3e-4d7e-9d8e-3b1f6a0c2d12',
        callId: null,
        customerId: '1001',
        phone: null,
        note: 'x',
        disposition: 'made_up',
        followUpOn: null,
      }),
    ).rejects.toThrow(/made_up/);
  });

  it('re-identifies an unknown caller’s card once the operator creates the customer', async () => {
    ring({ callId: 'c4', state: 'ringing', remote: '+359888999000' });
    await desk.handlers.createCustomer({
      mutationId: '9b2f9a52-4c3e-4d7e-9d8e-3b1f6a0c2d13',
      firstName: 'Nova',
      lastName: 'Klientka',
      company: null,
      email: null,
      type: 'person',
      phones: [{ e164: '+359888999000', label: 'mobile' }],
    });
    expect(pops().at(-1)).toMatchObject({ callId: 'c4', match: 'exact' });
  });

  it('shows an edited customer on their open cards, and refuses an edit that leaves them nameless', async () => {
    ring({ callId: 'c5', state: 'ringing', remote: '+359888123456' });
    await desk.handlers.updateCustomer({ mutationId: '9b2f9a52-4c3e-4d7e-9d8e-3b1f6a0c2d14', customerId: '1001', fields: { company: 'Иванов ЕООД' } });
    expect(pops().at(-1)!.candidates[0]!.customer.company).toBe('Иванов ЕООД');
    await expect(
      desk.handlers.updateCustomer({ mutationId: '9b2f9a52-4c3e-4d7e-9d8e-3b1f6a0c2d15', customerId: '1001', fields: { firstName: '', lastName: '', company: null } }),
    ).rejects.toMatchObject({ error: { code: 'bad_request', key: 'namelessCustomer' } });
    await expect(
      desk.handlers.updateCustomer({ mutationId: '9b2f9a52-4c3e-4d7e-9d8e-3b1f6a0c2d16', customerId: 'nobody', fields: { lastName: 'X' } }),
    ).rejects.toMatchObject({ error: { code: 'not_found', key: 'customerNotFound', values: { customerId: 'nobody' } } });
    expect(store.pendingMutations(10).map((m) => m.kind)).toEqual(['customer.update']);
  });

  it('says there is nothing to sign in to on a desk without a hub', async () => {
    await expect(desk.handlers.signIn({ password: 'x' })).rejects.toMatchObject({
      message: "This desk is not connected to a hub, so there is nothing to sign in to. Ask IT to set the hub's address.",
      error: { code: 'bad_request', key: 'noHub' },
    });
  });

  it('tells a wrong password from a hub it cannot reach, for the sentence the agent reads', async () => {
    const signInFails = (why: SignInRefused['why']) =>
      createDesk({
        config: parseDeskConfig({ region: 'BG' }, 'test'),
        store,
        log: silentLogger,
        sync: {
          kick: () => undefined,
          status: () => ({ state: 'signed_out', pending: 0, rejected: 0, lastRefusal: null, offlineSince: null, lastSyncAt: null, lastError: null }),
          reportAgentState: () => undefined,
          signIn: () => Promise.reject(new SignInRefused('hub answered 401: wrong username or password', why)),
        },
      }).handlers.signIn({ password: 'guess' });
    await expect(signInFails('wrong_password')).rejects.toMatchObject({ error: { code: 'refused', key: 'wrongPassword' } });
    await expect(signInFails('unreachable')).rejects.toMatchObject({ error: { key: 'hubUnreachable' } });
    await expect(signInFails('hub_failed')).rejects.toMatchObject({ error: { key: 'hubFailed', values: {} } });
    // The hub's own words stay in the log: the agent's sentence carries none of them.
    await expect(signInFails('refused')).rejects.toMatchObject({ error: { key: 'hubRefused', values: {} } });
  });

  it('dismisses a card for every attached UI', async () => {
    ring({ callId: 'c1', state: 'ringing', remote: '+359888123456' });
    await desk.handlers.dismissCard({ callId: 'c1' });
    expect(events.at(-1)).toEqual({ name: 'cardDismissed', payload: { callId: 'c1' } });
    expect((await desk.handlers.getDeskState({})).cards).toEqual([]);
  });
});
