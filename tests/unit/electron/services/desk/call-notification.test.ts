import { describe, expect, it } from 'vitest';
import { callNotificationFor } from '../../../../../electron/services/desk/call-notification.js';
import type { PopCard } from '../../../../../shared/call.js';
import type { DeskEvent } from '../../../../../shared/desk-api.js';
import { translatorFor } from '../../../../../shared/i18n/translator.js';
import { anna, ivan, switchboardA, switchboardB } from '../../../../fixtures/desk-customers.js';

function pop(overrides: Partial<PopCard>): DeskEvent {
  const card: PopCard = {
    callId: 'n1',
    state: 'ringing',
    direction: 'inbound',
    remote: { raw: '0888123456' },
    phone: { kind: 'e164', raw: '0888123456', e164: '+359888123456', nationalNumber: '888123456', country: 'BG' },
    match: 'exact',
    candidates: [],
    startedAt: '2026-11-24T10:00:00.000Z',
    answeredAt: null,
    endedAt: null,
    ...overrides,
  };
  return { name: 'pop', payload: card };
}
const en = translatorFor('en');
const candidate = (c: typeof ivan) => ({ ...c, purchases: [], tickets: [], interactions: [], matchedPhone: c.phones[0]!.e164 });

describe('desktop notification for a call', () => {
  it('names a known caller, with the number and the queue', () => {
    expect(callNotificationFor(pop({ candidates: [candidate(ivan)], queue: 'support' }), false, new Set(), en)).toEqual({
      callId: 'n1',
      title: 'Incoming call: Иван Иванов',
      body: '+359888123456 · support',
    });
  });

  it('says when the match is only probable, or when several customers share the number', () => {
    expect(callNotificationFor(pop({ match: 'probable', candidates: [candidate(anna)] }), false, new Set(), en)?.title).toBe('Incoming call: Anna Kowalska (probable match)');
    expect(callNotificationFor(pop({ candidates: [candidate(switchboardA), candidate(switchboardB)] }), false, new Set(), en)?.title).toBe('Incoming call: 2 possible customers');
    expect(callNotificationFor(pop({ match: 'withheld', phone: { kind: 'withheld', raw: 'anonymous' } }), false, new Set(), en)?.title).toBe('Incoming call: Withheld number');
  });

  it('stays quiet while the window has focus, for later states, and for a call already notified', () => {
    expect(callNotificationFor(pop({}), true, new Set(), en)).toBeNull();
    expect(callNotificationFor(pop({ state: 'answered' }), false, new Set(), en)).toBeNull();
    expect(callNotificationFor(pop({}), false, new Set(['n1']), en)).toBeNull();
    expect(callNotificationFor({ name: 'cardDismissed', payload: { callId: 'n1' } }, false, new Set(), en)).toBeNull();
  });

  it('speaks the agent’s language, with the plural its language uses for the number of customers', () => {
    const shared = pop({ candidates: [candidate(switchboardA), candidate(switchboardB)] });
    expect(callNotificationFor(pop({ candidates: [candidate(ivan)] }), false, new Set(), translatorFor('bg'))?.title).toBe('Входящо обаждане: Иван Иванов');
    expect(callNotificationFor(pop({ candidates: [candidate(ivan)] }), false, new Set(), translatorFor('pl'))?.title).toBe('Połączenie przychodzące: Иван Иванов');
    expect(callNotificationFor(shared, false, new Set(), translatorFor('ru'))?.title).toBe('Входящий звонок: 2 возможных клиента');
    expect(callNotificationFor(shared, false, new Set(), translatorFor('uk'))?.title).toBe('Вхідний дзвінок: 2 можливі клієнти');
    expect(callNotificationFor(shared, false, new Set(), translatorFor('pl'))?.title).toBe('Połączenie przychodzące: 2 możliwi klienci');
    expect(callNotificationFor(pop({ match: 'withheld', phone: { kind: 'withheld', raw: 'anonymous' } }), false, new Set(), translatorFor('uk'))?.title).toBe(
      'Вхідний дзвінок: Прихований номер',
    );
  });
});
