/** A fresh data folder whose store holds the fixture customers: what most end-to-end specs start a desk on. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { deskCustomers } from '../fixtures/desk-customers.js';

export function seededDataDir(prefix: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const store = openDeskStore(join(dataDir, 'desk.sqlite'));
  store.insertBatch(deskCustomers);
  store.close();
  return dataDir;
}
