/** Finding and reading customers: each action's failure is a problem on screen, so a caller gets undefined and shows nothing new. */
import type { StateCreator } from 'zustand';
import type { CustomerCard, CustomerSearchResult } from '../../../../shared/domain.js';
import type { DeskView } from '../../state/desk-state.js';

export interface CustomerSlice {
  searchCustomers(query: string, limit: number): Promise<CustomerSearchResult | undefined>;
  /** A customer's full card, read again from the desk. */
  loadCustomer(customerId: string): Promise<CustomerCard | undefined>;
  /** Reads a customer's card and puts it in the centre of the screen. */
  openCustomer(customerId: string): Promise<void>;
}

export const createCustomerSlice: StateCreator<DeskView, [], [], CustomerSlice> = (_set, get) => ({
  searchCustomers: (query, limit) => get().attempt('searchCustomers', (desk) => desk.searchCustomers({ query, limit })),
  loadCustomer: (customerId) => get().attempt('openCustomer', (desk) => desk.getCustomerCard({ customerId })),
  openCustomer: async (customerId) => {
    const card = await get().loadCustomer(customerId);
    if (card) get().focusOn({ kind: 'customer', card });
  },
});
