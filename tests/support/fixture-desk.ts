/**
 * The set-up the store's and the desk's unit tests share: a desk store in a fresh folder
 * holding the fixture customers, and a desk over it whose events are collected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDeskConfig } from '../../electron/services/config/desk-config.js';
import { createDesk, type Desk } from '../../electron/services/desk/desk.js';
import { silentLogger } from '../../electron/services/log.js';
import type { DeskStore } from '../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import type { DeskEvent } from '../../shared/desk-api.js';
import { deskCustomers } from '../fixtures/desk-customers.js';

export interface FixtureStore {
  file: string;
  store: DeskStore;
  /** Removes the folder; the test closes whichever store it has open first. */
  remove(): void;
}

export function openFixtureStore(prefix: string): FixtureStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'desk.sqlite');
  const store = openDeskStore(file);
  store.insertBatch(deskCustomers);
  return { file, store, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface FixtureDesk extends FixtureStore {
  desk: Desk;
  events: DeskEvent[];
}

export function openFixtureDesk(prefix: string): FixtureDesk {
  const fixture = openFixtureStore(prefix);
  const desk = createDesk({ config: parseDeskConfig({ region: 'BG' }, 'test'), store: fixture.store, log: silentLogger });
  const events: DeskEvent[] = [];
  desk.subscribe((e) => events.push(e));
  return { ...fixture, desk, events };
}
