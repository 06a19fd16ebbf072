/**
 * The store a desk starts with: checked, a damaged one set aside, and demo customers seeded
 * into a store this very start created. The build bundles it as an entry of its own besides
 * main.js (electron/build.mjs), so a test runs exactly what the installed desk runs on its
 * first start, in plain Node, with no node_modules but the installer's.
 */
import { join } from 'node:path';
import type { DeskConfig } from '../config/desk-config.js';
import { seedDemoData } from '../demo/demo-data.js';
import type { Logger } from '../log.js';
import { type CheckedStore, openCheckedStore } from '../store/checked-open.js';

export async function openStoreAtStart(dataDir: string, config: Pick<DeskConfig, 'hub' | 'demoCustomers'>, log: Pick<Logger, 'info' | 'error'>): Promise<CheckedStore> {
  const opened = openCheckedStore(join(dataDir, 'desk.sqlite'));
  const { store, setAside } = opened;
  log.info({ checkMs: Math.round(opened.checkMs) }, 'desk store checked');
  const resync = config.hub.url !== null;
  if (setAside) {
    log.error(
      { setAside: setAside.file, problem: setAside.problem },
      `the desk store was damaged: set aside untouched, the desk starts with a new, empty store${resync ? ' and fetches the customers from the hub again' : ''}`,
    );
  }

  // With a hub the customers are the hub's: demo rows would never sync and could clash with real customer numbers.
  // Only a store this start made where there was none: any file that was there may have held real data.
  if (!resync && config.demoCustomers > 0 && opened.created && !setAside) {
    log.info({ customers: config.demoCustomers }, 'seeding demo customers into an empty store');
    await seedDemoData(store, { customers: config.demoCustomers, seed: 1 });
  }
  return opened;
}
