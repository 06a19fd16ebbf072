/** Finding and reading customers: each action's failure is a problem on screen, so a caller gets undefined and shows nothing new. */
import type { StateCreator } from 'zustand';
import type { RequestInput } from '../../../../shared/desk-api.js';
import type { CustomerCard, CustomerSearchResult } from '../../../../shared/domain.js';
import type { DeskView } from '../../state/desk-state.js';

export interface CustomerSlice {
  searchCustomers(query: string, limit: number): Promise<CustomerSearchResult | undefined>;
  /** A customer's full card, read again from the desk. */
  loadCustomer(customerId: string): Promise<CustomerCard | undefined>;
  /** Reads a customer's card and puts it in the centre of the screen. */
  openCustomer(customerId: string): Promise<void>;
  /** The forms say a refusal beside their fields: these reject with it. */
  createCustomer(input: RequestInput<'createCustomer'>): Promise<CustomerCard>;
  updateCustomer(update: RequestInput<'updateCustomer'>): Promise<CustomerCard>;
}

export const createCustomerSlice: StateCreator<DeskView, [], [], CustomerSlice> = (_set, get) => ({
  searchCustomers: (query, limit) => get().attempt('searchCustomers', (desk) => desk.searchCustomers({ query, limit })),
  loadCustomer: (customerId) => get().attempt('openCustomer', (desk) => desk.getCustomerCard({ customerId })),
  openCustomer: async (customerId) => {
    const card = await get().loadCustomer(customerId);
    if (card) get().focusOn({ kind: 'customer', card });
  },
  createCustomer: (input) => get().attemptHere('createCustomer', (desk) => desk.createCustomer(input)),
  updateCustomer: (update) => get().attemptHere('updateCustomer', (desk) => desk.updateCustomer(update)),
});
