import { useCallback } from 'react';
import type { CustomerCard } from '../../../../shared/domain.js';
import { useDeskClient } from '../../api/desk-context.js';

/** Reads a customer's full card from the desk. */
export function useCustomerLoader(): (customerId: string) => Promise<CustomerCard> {
  const client = useDeskClient();
  return useCallback((customerId: string) => client.getCustomerCard({ customerId }), [client]);
}
