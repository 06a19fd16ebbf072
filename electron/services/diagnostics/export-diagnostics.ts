/**
 * "Export diagnostics": one .tar.gz that IT can ask any operator for. It holds the desk's
 * logs, the effective configuration with every secret removed, what the policy locked,
 * the versions of everything, and the store's health (integrity check, row counts,
 * outbox length) — never the customer data itself.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, release, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { create } from 'tar';
import type { EffectiveConfig } from '../config/effective-config.js';
import type { StoreHealth } from '../store/desk-store.js';
import { SECRET_KEY } from '../../../shared/secrets.js';

export interface DiagnosticsInput {
  outFile: string;
  effective: EffectiveConfig;
  storeHealth: StoreHealth;
  appVersion: string;
  /** The folder of the desk's log files; null when it logs to its console only. */
  logDir: string | null;
}

/** Field names whose values are credentials, whatever object they sit in. */

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) && inner !== null && inner !== '' ? '[removed]' : withoutSecrets(inner)]),
  );
}

export async function exportDiagnostics({ outFile, effective, storeHealth, appVersion, logDir }: DiagnosticsInput): Promise<{ file: string; entries: string[] }> {
  const staging = mkdtempSync(join(tmpdir(), 'agent-desk-diagnostics-'));
  try {
    const json = (name: string, value: unknown) => writeFileSync(join(staging, name), `${JSON.stringify(value, null, 2)}\n`);
    json('config.json', withoutSecrets(effective.config));
    json('configuration.json', { locked: effective.locked, problems: effective.problems });
    json('versions.json', {
      agentDesk: appVersion,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      os: { platform: platform(), release: release(), arch: arch() },
    });
    json('store-health.json', storeHealth);
    const entries = ['config.json', 'configuration.json', 'versions.json', 'store-health.json'];
    if (logDir && existsSync(logDir)) {
      mkdirSync(join(staging, 'logs'));
      for (const file of readdirSync(logDir).filter((f) => /\.log(\.\d+)?$/.test(f))) {
        copyFileSync(join(logDir, file), join(staging, 'logs', file));
        entries.push(`logs/${file}`);
      }
    }
    mkdirSync(dirname(outFile), { recursive: true });
    await create({ gzip: true, file: outFile, cwd: staging, portable: true }, entries);
    return { file: outFile, entries };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
