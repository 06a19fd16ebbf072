import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useDeskView } from '../../../../../../renderer/src/state/desk-state.js';
import { attachedRendererDesk, type RendererDesk } from '../../../../../support/renderer-desk.js';
import { until } from '../../../../../support/until.js';

let rig: RendererDesk;
const view = () => useDeskView.getState();
const note = (disposition: string) => ({ mutationId: randomUUID(), callId: null, customerId: '1001', phone: null, note: 'Wants a refund', disposition, followUpOn: null });

afterEach(() => rig?.stop());

describe('the annotation slice', () => {
  it('saves a note to the customer’s history', async () => {
    rig = await attachedRendererDesk();
    await view().saveAnnotation(note('resolved'));
    expect(rig.store.getCustomerCard('1001')?.interactions.map((i) => i.note)).toContain('Wants a refund');
  });

  it('hands an outcome the desk does not know back to the form, and the log hears of it', async () => {
    rig = await attachedRendererDesk();
    await expect(view().saveAnnotation(note('no-such-outcome'))).rejects.toMatchObject({ key: 'dispositionUnknown' });
    await until(() => rig.log.some((l) => l.action === 'saveAnnotation' && l.key === 'dispositionUnknown'), 'the report');
  });

  it('sends the typing to the desk, and a discard removes it there', async () => {
    rig = await attachedRendererDesk();
    const draft = { ...note(''), followUpOn: '', customerName: 'Иван Иванов', updatedAt: new Date().toISOString() };
    view().draftSender().edit(draft);
    view().draftSender().flush('customer:1001');
    await until(() => rig.store.listDrafts().length === 1, 'the draft in the store');
    await view().discardDraft({ callId: null, customerId: '1001' });
    expect(rig.store.listDrafts()).toEqual([]);
  });
});
