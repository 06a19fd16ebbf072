import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samplePhones } from '../../../../../electron/services/demo/sample-phones.js';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { deskCustomers } from '../../../../fixtures/desk-customers.js';

let dir: string;
let store: DeskStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-sample-'));
  store = openDeskStore(join(dir, 'desk.sqlite'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sampling numbers for the simulator', () => {
  it('samples single-owner and shared numbers', () => {
    store.insertBatch(deskCustomers);
    expect(samplePhones(store, 'shared', 1)).toEqual(['+35921234567']);
    expect(samplePhones(store, 'single', 5).sort()).toEqual(['+359888123456', '+48600123456']);
  });

  it('answers none from an empty store rather than searching forever', () => {
    expect(samplePhones(store, 'single', 3)).toEqual([]);
  });
});
