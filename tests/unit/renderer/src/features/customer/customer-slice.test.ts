import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useDeskView } from '../../../../../../renderer/src/state/desk-state.js';
import { attachedRendererDesk, type RendererDesk } from '../../../../../support/renderer-desk.js';

let rig: RendererDesk;
const view = () => useDeskView.getState();

afterEach(() => rig?.stop());

describe('the customer slice', () => {
  it('finds customers and opens one in the centre of the screen', async () => {
    rig = await attachedRendererDesk();
    const found = await view().searchCustomers('иванов', 12);
    expect(found?.customers.map((c) => c.id)).toEqual(['1001']);
    await view().openCustomer('1001');
    expect(view().focus).toMatchObject({ kind: 'customer', card: { customer: { id: '1001', lastName: 'Иванов' } } });
  });

  it('leaves the screen as it was when the customer is gone, and says so', async () => {
    rig = await attachedRendererDesk();
    await view().openCustomer('no-such-customer');
    expect(view().focus).toEqual({ kind: 'none' });
    expect(view().problems).toEqual([expect.objectContaining({ action: 'openCustomer', error: expect.objectContaining({ key: 'customerNotFound' }) })]);
  });

  it('hands an edit the desk refuses back to the form, and one it takes is in the store', async () => {
    rig = await attachedRendererDesk();
    await expect(view().updateCustomer({ mutationId: randomUUID(), customerId: '1001', fields: { firstName: '', lastName: '', company: null } })).rejects.toMatchObject({
      key: 'namelessCustomer',
    });
    expect(view().problems).toEqual([]);
    const card = await view().updateCustomer({ mutationId: randomUUID(), customerId: '1001', fields: { email: 'ivan@example.com' } });
    expect(card.customer.email).toBe('ivan@example.com');
    expect(rig.store.getCustomerCard('1001')?.customer.email).toBe('ivan@example.com');
  });
});
