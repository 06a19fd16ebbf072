/**
 * A desk that finds its store damaged when it starts: the banner names the file it set
 * aside and says what happens next, in the agent's language, and callers pop as unknown
 * from the new, empty store instead of failing.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type DeskProcess, freePort, startDeskProcess } from '../support/desk-process.js';
import { damagePages } from '../support/damaged-store.js';
import { seededDataDir } from '../support/seeded-data-dir.js';

let dataDir: string;
let desk: DeskProcess | undefined;

test.beforeEach(() => {
  dataDir = seededDataDir('desk-set-aside-');
  damagePages(join(dataDir, 'desk.sqlite'), 4);
});

test.afterEach(async () => {
  await desk?.stop();
  desk = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

test('the banner names the damaged file set aside, and a caller pops from the new, empty store', async ({ page }) => {
  desk = await startDeskProcess(dataDir);
  await page.goto(desk.url);
  const banner = page.getByRole('alert').filter({ hasText: "The desk's customer file was damaged and has been set aside." });
  await expect(banner).toContainText(`It is kept untouched as ${join(dataDir, 'desk.sqlite.damaged-')}`);
  await expect(banner).toContainText(/desk\.sqlite\.damaged-\d{4}-\d\d-\d\dT[\d-]+Z\./);
  await expect(banner).toContainText('callers will not be recognised until IT restores the customers');

  await desk.postCallEvent({ callId: 'after-damage', state: 'ringing', remote: '0888123456' });
  await expect(page.getByRole('region', { name: /Incoming call from 088/ })).toContainText('No customer has this number yet');
});

test('with a hub configured, the banner says the customers come back from it', async ({ page }) => {
  // Where the hub is makes no difference to what the banner says; nothing listens here.
  desk = await startDeskProcess(dataDir, { hub: { url: `http://127.0.0.1:${await freePort()}`, password: 'not used' } });
  await page.goto(desk.url);
  const banner = page.getByRole('alert').filter({ hasText: "The desk's customer file was damaged and has been set aside." });
  await expect(banner).toContainText('is fetching the customers from the hub again');
  await expect(banner).toContainText('notes not yet sent to the hub are only in the old file');
});

test('the banner is in the agent’s language', async ({ page }) => {
  desk = await startDeskProcess(dataDir, {}, { env: { LANG: 'bg_BG.UTF-8' } });
  await page.goto(desk.url);
  const banner = page.getByRole('alert').filter({ hasText: 'Файлът с клиентите на работното място беше повреден' });
  await expect(banner).toContainText(`Запазен е непроменен като ${join(dataDir, 'desk.sqlite.damaged-')}`);
});
