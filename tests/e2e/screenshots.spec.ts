/**
 * The pictures in the README and docs/: the card in each of the desk's languages at
 * 1366×768, the card at night (dark theme) and the board. Not part of the normal run:
 *   AGENT_DESK_SCREENSHOTS=1 npx playwright test tests/e2e/screenshots.spec.ts
 * writes docs/screenshots/*.png.
 */
import { rmSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import type { Locale } from '../../shared/i18n/locales.js';
import { postScriptedDayAsAdmin } from '../support/board-generator.js';
import { startDeskProcess } from '../support/desk-process.js';
import { startHubOnPostgres } from '../support/hub-on-postgres.js';
import { seededDataDir } from '../support/seeded-data-dir.js';
import { PASSWORD } from '../support/test-hub.js';

const OUT = 'docs/screenshots';
const LOCALES: Locale[] = ['en', 'bg', 'ru', 'uk', 'pl'];

test.skip(!process.env.AGENT_DESK_SCREENSHOTS, 'set AGENT_DESK_SCREENSHOTS=1 to write the docs’ screenshots');
test.use({ viewport: { width: 1366, height: 768 } });

async function shootCard(page: Page, locale: Locale, file: string) {
  const dataDir = seededDataDir('desk-shots-');
  const desk = await startDeskProcess(dataDir, { defaultLocale: locale });
  try {
    await page.goto(desk.url);
    await desk.postCallEvent({ callId: 'shot-1', state: 'ringing', remote: '0888 123 456', queue: 'support' });
    await expect(page.locator('.card')).toContainText('Иван Иванов');
    await page.screenshot({ path: `${OUT}/${file}` });
  } finally {
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const locale of LOCALES) {
  test(`the card in ${locale}`, async ({ page }) => {
    await shootCard(page, locale, `card-${locale}.png`);
  });
}

test.describe('at night', () => {
  test.use({ colorScheme: 'dark' });
  test('the card in the dark theme', async ({ page }) => {
    await shootCard(page, 'en', 'card-dark.png');
  });
});

test('the board', async ({ page }) => {
  const setup = await startHubOnPostgres('board-shots-');
  try {
    await postScriptedDayAsAdmin(setup.hub.url, 6, 24);
    await page.goto(`${setup.hub.url}/board/`);
    await page.getByLabel('Username').fill('sam');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('region', { name: 'Queue queue-06' })).toBeVisible();
    await page.screenshot({ path: `${OUT}/board.png` });
  } finally {
    await setup.close();
  }
});
