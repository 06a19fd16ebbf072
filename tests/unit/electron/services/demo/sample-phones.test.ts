import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePhones } from '../../../../../electron/services/demo/sample-phones.js';
import type { CustomerBatch, DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { deskCustomers } from '../../../../fixtures/desk-customers.js';

/** A store in a folder of its own holding `batch`, gone once `use` returns. */
function inStore(batch: CustomerBatch | null, use: (store: DeskStore) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'desk-sample-'));
  const store = openDeskStore(join(dir, 'desk.sqlite'));
  try {
    if (batch) store.insertBatch(batch);
    use(store);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('sampling numbers for the simulator', () => {
  it('samples single-owner and shared numbers', () => {
    inStore(deskCustomers, (store) => {
      expect(samplePhones(store, 'shared', 1)).toEqual(['+35921234567']);
      expect(samplePhones(store, 'single', 5).sort()).toEqual(['+359888123456', '+48600123456']);
    });
  });

  it('answers none from an empty store rather than searching forever', () => {
    inStore(null, (store) => expect(samplePhones(store, 'single', 3)).toEqual([]));
  });
});
