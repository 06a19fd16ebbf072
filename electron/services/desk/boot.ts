/**
 * Starts everything a desk needs, in the order the flow runs: store, demo data,
 * the orchestrator, then the bridges that feed it. Used by the Electron shell and
 * the browser host alike, so both run the same desk.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataDir } from '../config/desk-config.js';
import type { EffectiveConfig } from '../config/effective-config.js';
import { saveUserSettings } from '../config/user-settings.js';
import { exportDiagnostics } from '../diagnostics/export-diagnostics.js';
import type { Logger } from '../log.js';
import type { TelephonyAdapter } from '../telephony/adapter.js';
import { createAmiAdapter } from '../telephony/ami/ami-adapter.js';
import { createJsonBridge } from '../telephony/json-bridge.js';
import { createSipAdapter } from '../telephony/sip/sip-adapter.js';
import { createSimulator } from '../telephony/simulator.js';
import { createSyncClient, type SyncClient } from '../sync/sync-client.js';
import { createDesk, type Desk, ringingBounds } from './desk.js';
import { resolveLanguage, type SystemLanguage, systemLanguage } from './desk-language.js';
import { createCallerPicker } from './simulated-callers.js';
import { openStoreAtStart } from './store-at-start.js';

export interface RunningDesk {
  desk: Desk;
  dataDir: string;
  /** The JSON bridge's bound address, when it runs. */
  bridgeAddress: { host: string; port: number } | null;
  stop(): Promise<void>;
}

export interface DeskRuntime {
  appVersion: string;
  /** Where the desk's log files are, for the diagnostics archive; null when it logs to its console. */
  logDir: string | null;
  /** The user's settings file (ConfigFiles.user), where the agent's language is kept. */
  userSettings: string;
  /** The OS's languages and zone; plain Node's ICU defaults unless the shell knows better. */
  system?: SystemLanguage;
}

export async function startDesk(effective: EffectiveConfig, log: Logger, runtime: DeskRuntime): Promise<RunningDesk> {
  const { config, locked, problems } = effective;
  const dataDir = resolveDataDir(config);
  mkdirSync(dataDir, { recursive: true });
  const { store, setAside } = await openStoreAtStart(dataDir, config, log);

  const adapters: TelephonyAdapter[] = [];
  const simulator = config.simulator.enabled
    ? createSimulator({
        pickCaller: createCallerPicker(store, config.region),
        intervalMs: config.simulator.intervalSeconds * 1000,
        log: log.child({ adapter: 'simulator' }),
      })
    : undefined;
  if (simulator) adapters.push(simulator);
  const bridge = config.bridge.json.enabled
    ? createJsonBridge({ ...config.bridge.json, log: log.child({ adapter: 'json-bridge' }) })
    : undefined;
  if (bridge) adapters.push(bridge);
  const sip = config.bridge.sip;
  if (sip?.enabled) adapters.push(createSipAdapter({ ...sip, ringing: ringingBounds(config), log: log.child({ adapter: 'sip' }) }));
  const ami = config.bridge.ami;
  if (ami?.enabled) {
    adapters.push(
      createAmiAdapter({ ...ami, pingIntervalMs: ami.pingSeconds * 1000, ringing: ringingBounds(config), log: log.child({ adapter: 'ami' }) }),
    );
  }

  const { url: hubUrl, password, historyDays } = config.hub;
  const sync: SyncClient | undefined =
    hubUrl !== null
      ? createSyncClient({
          url: hubUrl,
          username: config.agent.id,
          password,
          historyDays,
          store,
          log: log.child({ part: 'sync' }),
          onStatus: (status) => desk.onSyncStatus(status),
          onChanged: (customerIds) => desk.onCustomersChanged(customerIds),
        })
      : undefined;

  const desk = createDesk({
    config,
    store,
    log,
    configuration: { locked, problems },
    storeSetAside: setAside ? { file: setAside.file, resync: hubUrl !== null } : null,
    language: resolveLanguage(config, runtime.system ?? systemLanguage()),
    saveLocale: (locale) => saveUserSettings(runtime.userSettings, { locale }),
    exportDiagnostics: async () => {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const outFile = join(dataDir, 'diagnostics', `agent-desk-diagnostics-${stamp}.tar.gz`);
      return (await exportDiagnostics({ outFile, effective, storeHealth: store.health(), ...runtime })).file;
    },
    ...(simulator ? { ringSimulated: (s) => simulator.ring(s) } : {}),
    ...(sync ? { sync } : {}),
  });
  const started: TelephonyAdapter[] = [];
  try {
    for (const adapter of adapters) {
      // Each bridge's calls under its own name: no bridge can name another's.
      await adapter.start((event) => desk.onCallEvent(event, adapter.name));
      started.push(adapter);
    }
  } catch (err) {
    await Promise.allSettled(started.map((a) => a.stop()));
    store.close();
    throw err;
  }
  sync?.start();

  return {
    desk,
    dataDir,
    bridgeAddress: bridge ? bridge.address() : null,
    async stop() {
      desk.stop();
      await Promise.allSettled([...adapters.map((a) => a.stop()), sync?.stop()]);
      store.close();
    },
  };
}
