import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { list } from 'tar';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';

let dataDir: string;
let desk: DeskProcess | undefined;

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-policy-e2e-'));
});
test.afterEach(async () => {
  await desk?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a policy that does not parse: the desk starts and says which file is wrong', async ({ page }) => {
  writeFileSync(join(dataDir, 'policy.json'), '{"region": "PL",');
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(join(dataDir, 'policy.json'));
  await expect(alert).toContainText('not valid JSON');
  await expect(page.getByRole('status', { name: /connection/i })).toHaveAttribute('data-connection', 'connected');
});

test('the policy’s dispositions are the ones the operator picks from', async ({ page }) => {
  writeFileSync(join(dataDir, 'policy.json'), JSON.stringify({ dispositions: [{ code: 'it_only', label: 'Set by IT' }] }));
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);
  await desk.postCallEvent({ callId: 'p1', state: 'ringing', remote: '0888123456' });
  await expect(page.getByLabel('Disposition').locator('option')).toHaveText(['Choose an outcome…', 'Set by IT']);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings of this desk' });
  await expect(dialog.getByRole('row', { name: /Dispositions/ })).toContainText(`Locked by IT policy ${join(dataDir, 'policy.json')}`);
  await expect(dialog.getByRole('row', { name: /Phone region/ })).toContainText('Not locked');
  await expect(dialog.getByRole('list', { name: 'Set by IT policy' })).toContainText('dispositions');
});

test('Export diagnostics writes the archive on the desk’s machine and says where', async ({ page }) => {
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);
  await page.getByRole('button', { name: 'Export diagnostics' }).click();
  const status = page.getByRole('status', { name: 'Export diagnostics' });
  await expect(status).toContainText(/Saved to .*agent-desk-diagnostics-.*\.tar\.gz/);
  const file = /Saved to (.*)$/.exec((await status.textContent()) ?? '')![1]!;
  expect(file.startsWith(join(dataDir, 'diagnostics'))).toBe(true);
  const entries: string[] = [];
  await list({ file, onReadEntry: (entry) => void entries.push(entry.path) });
  expect(entries.sort()).toEqual(['config.json', 'configuration.json', 'store-health.json', 'versions.json']);
});
