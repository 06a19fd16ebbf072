import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../../electron/services/store/migrations.js';
import { samplePhones } from '../../../../../electron/services/demo/sample-phones.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';

let dataDir: string;

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/services/cli/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, json: run.stdout ? JSON.parse(run.stdout) : undefined, stderr: run.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the desk CLI', () => {
  it('seeds demo customers and reports the store health', () => {
    const seeded = cli('seed', '--customers', '300', '--data-dir', dataDir);
    expect(seeded.status).toBe(0);
    expect(seeded.json.health).toMatchObject({ customers: 300, integrity: 'ok', schemaVersion: MIGRATIONS.length });
    expect(seeded.json.health.phones).toBeGreaterThan(300);
    expect(cli('health', '--data-dir', dataDir).json).toMatchObject({ customers: 300, outbox: 0 });
  }, 60_000);

  it('refuses to seed a store that already has customers unless forced', () => {
    const again = cli('seed', '--customers', '10', '--data-dir', dataDir);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stderr).error).toMatch(/already holds 300 customers/);
  }, 60_000);

  it('normalises a number for a region', () => {
    expect(cli('normalise', 'sip:0888123456@10.0.0.1:5060;transport=udp', '--region', 'BG').json).toEqual({
      kind: 'e164',
      raw: 'sip:0888123456@10.0.0.1:5060;transport=udp',
      e164: '+359888123456',
      nationalNumber: '888123456',
      country: 'BG',
    });
    expect(cli('normalise', 'garbage', '--region', 'BG').json).toMatchObject({ kind: 'invalid', reason: 'not-a-number' });
  }, 60_000);

  it('looks up a seeded customer by any form of their number', () => {
    const store = openDeskStore(join(dataDir, 'desk.sqlite'));
    const [e164] = samplePhones(store, 'single', 1);
    const owner = store.lookupPhone({ e164: e164!, nationalNumber: null }).hits[0]!.customerId;
    store.close();

    for (const form of [e164!, `00${e164!.slice(1)}`, `sip:${e164}@pbx;user=phone`]) {
      const found = cli('lookup', form, '--region', 'BG', '--data-dir', dataDir);
      expect(found.status).toBe(0);
      expect(found.json).toMatchObject({ phone: { kind: 'e164', e164 }, match: 'exact', candidates: [{ customer: { id: owner }, matchedPhone: e164 }] });
    }
    expect(cli('lookup', 'anonymous', '--region', 'BG', '--data-dir', dataDir).json).toMatchObject({ match: 'withheld', candidates: [] });
  }, 60_000);

  it('answers usage errors with exit code 2', () => {
    expect(cli().status).toBe(2);
    const unknown = cli('frobnicate');
    expect(JSON.parse(unknown.stderr.split('\n')[0]!)).toEqual({ error: 'unknown command "frobnicate"' });
    expect(unknown.stderr).toMatch(/usage:/);
    const noRegion = cli('normalise', '0888123456');
    expect(noRegion.status).toBe(2);
    expect(noRegion.stderr).toMatch(/--region/);
    expect(cli('seed', '--customers', 'lots', '--data-dir', dataDir).status).toBe(2);
    expect(cli('seed', '--customers', '10', '--seed', 'x', '--data-dir', dataDir).status).toBe(2);
  }, 60_000);
});
