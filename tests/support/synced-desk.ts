/** A desk started in this process the way the app starts one, logged in to a test hub as `agent`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskConfigSchema } from '../../electron/services/config/desk-config.js';
import { startDesk, type RunningDesk } from '../../electron/services/desk/boot.js';
import { silentLogger } from '../../electron/services/log.js';
import type { DeskEvent } from '../../shared/desk-api.js';
import type { SyncStatus } from '../../shared/sync.js';
import { PASSWORD } from './test-hub.js';
import { until } from './until.js';

export interface SyncedDesk extends RunningDesk {
  events: DeskEvent[];
  sync(): Promise<SyncStatus>;
  close(): Promise<void>;
}

/** `dataDir` is for a test that puts a store there first; by default a new, empty folder. */
export async function startSyncedDesk(hubUrl: string, agent: string, dataDir = mkdtempSync(join(tmpdir(), `desk-${agent}-`))): Promise<SyncedDesk> {
  const config = DeskConfigSchema.parse({
    agent: { id: agent, name: agent },
    dataDir,
    demoCustomers: 0,
    simulator: { enabled: false },
    bridge: { json: { enabled: false } },
    hub: { url: hubUrl, password: PASSWORD },
  });
  const running = await startDesk({ config, locked: [], problems: [] }, silentLogger, { appVersion: 'test', logDir: null, userSettings: join(dataDir, 'settings.json') });
  const events: DeskEvent[] = [];
  running.desk.subscribe((event) => events.push(event));
  const sync = async () => (await running.desk.handlers.getDeskState({})).sync;
  let status: SyncStatus | undefined;
  const poll = setInterval(() => void sync().then((s) => (status = s)), 20);
  try {
    await until(() => status?.state === 'online', `${agent}'s desk to sync`, 15_000);
  } finally {
    clearInterval(poll);
  }
  return {
    ...running,
    events,
    sync,
    async close() {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
