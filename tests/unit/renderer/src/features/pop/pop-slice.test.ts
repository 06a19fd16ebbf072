import { afterEach, describe, expect, it } from 'vitest';
import { useDeskView } from '../../../../../../renderer/src/state/desk-state.js';
import { attachedRendererDesk, type RendererDesk } from '../../../../../support/renderer-desk.js';
import { until } from '../../../../../support/until.js';

let rig: RendererDesk;
const view = () => useDeskView.getState();
const ring = (callId: string) => rig.desk.onCallEvent({ callId, state: 'ringing', remote: '+359888123456', direction: 'inbound' }, 'test');

afterEach(() => rig?.stop());

describe('the pop slice', () => {
  it('closes a card here and on the desk', async () => {
    rig = await attachedRendererDesk();
    ring('p1');
    await until(() => view().cards.length === 1, 'the pop');
    await view().closeCard('p1');
    expect(view().cards).toEqual([]);
    expect((await rig.desk.handlers.getDeskState({})).cards).toEqual([]);
    expect(view().problems).toEqual([]);
  });

  it('only takes a card with an unsaved note off the screen: the desk keeps it, and its tab stays', async () => {
    rig = await attachedRendererDesk();
    ring('p2');
    await until(() => view().cards.length === 1, 'the pop');
    const draft = { mutationId: crypto.randomUUID(), callId: 'p2', customerId: null, phone: '+359888123456', customerName: null, note: 'Wants a refund', disposition: '', followUpOn: '', updatedAt: new Date().toISOString() };
    view().draftEdited(draft);
    await view().closeCard('p2');
    expect(view().cards.map((c) => c.callId)).toEqual(['p2']);
    expect(view().focus).toEqual({ kind: 'none' });
    expect((await rig.desk.handlers.getDeskState({})).cards.map((c) => c.callId)).toEqual(['p2']);
  });
});
