/** The one desk client of this window, handed to components through React context. */
import { createContext, useContext } from 'react';
import type { DeskClient } from '../../../shared/desk-api.js';

export const DeskClientContext = createContext<DeskClient | null>(null);

export function useDeskClient(): DeskClient {
  const client = useContext(DeskClientContext);
  if (!client) throw new Error('useDeskClient outside <DeskClientContext.Provider>');
  return client;
}
