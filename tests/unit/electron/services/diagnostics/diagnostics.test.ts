import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { exportDiagnostics, withoutSecrets } from '../../../../../electron/services/diagnostics/export-diagnostics.js';
import { MIGRATIONS } from '../../../../../electron/services/store/migrations.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { deskCustomers } from '../../../../fixtures/desk-customers.js';

const SECRETS = ['json-token-0123456789', 'ami-secret-value', 'sip-password-value'];
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-diagnostics-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function readTree(root: string, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? Object.entries(readTree(root, join(prefix, entry.name))) : [[join(prefix, entry.name), readFileSync(join(root, prefix, entry.name), 'utf8')]],
    ),
  );
}

describe('Export diagnostics', () => {
  it('writes one archive with logs, the configuration without secrets, versions and the store’s health', async () => {
    const config = parseDeskConfig(
      {
        bridge: {
          json: { token: SECRETS[0] },
          ami: { enabled: true, secret: SECRETS[1] },
          sip: { registration: { registrar: 'pbx:5060', domain: 'pbx', username: '1001', password: SECRETS[2] } },
        },
      },
      'test',
    );
    const store = openDeskStore(join(dir, 'desk.sqlite'));
    store.insertBatch(deskCustomers);
    const storeHealth = store.health();
    store.close();
    const logDir = join(dir, 'logs');
    mkdirSync(logDir);
    writeFileSync(join(logDir, 'desk.log'), '{"level":30,"msg":"call popped"}\n');
    writeFileSync(join(logDir, 'desk.log.1'), '{"level":30,"msg":"older"}\n');
    writeFileSync(join(logDir, 'notes.txt'), 'not a log');

    const { file, entries } = await exportDiagnostics({
      outFile: join(dir, 'out', 'diagnostics.tar.gz'),
      effective: { config, locked: [{ path: 'region', origin: '/etc/agent-desk/policy.json' }], problems: [] },
      storeHealth,
      appVersion: '0.1.0',
      logDir,
    });
    expect(entries.sort()).toEqual(['config.json', 'configuration.json', 'logs/desk.log', 'logs/desk.log.1', 'store-health.json', 'versions.json']);

    const unpacked = join(dir, 'unpacked');
    mkdirSync(unpacked);
    await extract({ file, cwd: unpacked });
    const files = readTree(unpacked);
    expect(Object.keys(files).sort()).toEqual(entries.sort());
    for (const [name, text] of Object.entries(files)) for (const secret of SECRETS) expect(text, name).not.toContain(secret);

    const exported = JSON.parse(files['config.json']!);
    expect(exported.bridge.json.token).toBe('[removed]');
    expect(exported.bridge.ami.secret).toBe('[removed]');
    expect(exported.bridge.sip.registration).toEqual({ registrar: 'pbx:5060', domain: 'pbx', username: '1001', password: '[removed]', expiresSeconds: 300 });
    expect(JSON.parse(files['store-health.json']!)).toEqual({ integrity: 'ok', customers: 4, phones: 4, purchases: 1, tickets: 1, interactions: 0, outbox: 0, schemaVersion: MIGRATIONS.length });
    expect(JSON.parse(files['versions.json']!)).toMatchObject({ agentDesk: '0.1.0', node: process.versions.node });
    expect(JSON.parse(files['configuration.json']!).locked).toEqual([{ path: 'region', origin: '/etc/agent-desk/policy.json' }]);
  });

  it('removes secrets wherever they sit, and leaves empty ones visible as empty', () => {
    expect(withoutSecrets({ a: { apiToken: 'x', list: [{ password: 'p' }] }, secret: '', name: 'keep' })).toEqual({
      a: { apiToken: '[removed]', list: [{ password: '[removed]' }] },
      secret: '',
      name: 'keep',
    });
  });
});
