/**
 * axe-core on every screen of the desk and the board, in the light and the dark theme:
 * no critical and no serious violation of WCAG 2.2 A/AA. Each screen is checked as the
 * operator or supervisor sees it: a pop card, open search results, the create and edit
 * forms, the settings, the sign-in dialog, the board's login and the live board.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { testCustomer } from '../fixtures/desk-customers.js';
import { postScriptedDayAsAdmin } from '../support/board-generator.js';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';
import { type HubOnPostgres, startHubOnPostgres } from '../support/hub-on-postgres.js';
import { hubThatHangsUp } from '../support/hub-that-hangs-up.js';
import { seededDataDir } from '../support/seeded-data-dir.js';
import { PASSWORD } from '../support/test-hub.js';

/** The violations a person would be stopped by: axe's critical and serious ones, as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

/**
 * The page's ground as the theme paints it: relative luminance (WCAG) of the first opaque
 * background of body and html, 0 black to 1 white; a page that paints neither shows the
 * browser's white.
 */
function groundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const channels = [document.body, document.documentElement]
      .map((el) => getComputedStyle(el).backgroundColor.match(/\d+(\.\d+)?/g)!.map(Number))
      .find((c) => c.length === 3 || c[3]! > 0);
    if (!channels) return 1;
    const [r, g, b] = channels as [number, number, number];
    const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  });
}

/** A dark theme that is really there: the same checks on a light page would prove nothing about night shifts. */
async function expectTheme(page: Page, colorScheme: 'light' | 'dark') {
  if (colorScheme === 'dark') expect(await groundLuminance(page)).toBeLessThan(0.05);
  else expect(await groundLuminance(page)).toBeGreaterThan(0.8);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1366, height: 768 } });

    test.describe('the desk', () => {
      let dataDir: string;
      let desk: DeskProcess | undefined;
      test.beforeEach(() => {
        dataDir = seededDataDir('desk-axe-e2e-');
      });
      test.afterEach(async () => {
        await desk?.stop();
        desk = undefined;
        rmSync(dataDir, { recursive: true, force: true });
      });

      test(`has no serious violations (${colorScheme}): the pop card, search results, the edit and create forms, the settings`, async ({ page }) => {
        // Twenty more Annas: a search for her fills the results list until it scrolls.
        const store = openDeskStore(join(dataDir, 'desk.sqlite'));
        const annas = Array.from({ length: 20 }, (_, i) => ({ customer: testCustomer(`axe-${i}`, 'Anna', `Nowak ${i + 1}`), phones: [] }));
        store.insertBatch({ customers: annas, purchases: [], tickets: [], interactions: [] });
        store.close();
        desk = await startDeskProcess(dataDir);
        await page.goto(desk.url);
        await expect(page.getByRole('status', { name: 'Desk connection' })).toHaveText('Connected');
        expect(await seriousViolations(page)).toEqual([]);

        await desk.postCallEvent({ callId: 'axe-1', state: 'ringing', remote: '0888 123 456' });
        const card = page.getByRole('region', { name: 'Incoming call from Иван Иванов' });
        await expect(card).toBeVisible();
        await expectTheme(page, colorScheme);
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByRole('searchbox', { name: 'Search customers' }).fill('Anna');
        await expect(page.getByRole('listbox', { name: 'Customers found' }).getByRole('option')).toHaveCount(12);
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('searchbox', { name: 'Search customers' }).fill('');

        await card.getByRole('button', { name: 'Edit customer' }).click();
        await expect(card.getByRole('form', { name: 'Edit customer' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);

        await desk.postCallEvent({ callId: 'axe-2', state: 'ringing', remote: '+359888999000' });
        await expect(page.getByRole('form', { name: 'Create customer' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByRole('button', { name: 'Settings', exact: true }).click();
        await expect(page.getByRole('dialog', { name: 'Settings of this desk' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });

      test(`has no serious violations in the sign-in dialog (${colorScheme})`, async ({ page }) => {
        const hub = await hubThatHangsUp();
        desk = await startDeskProcess(dataDir, { hub: { url: hub.url } });
        await page.goto(desk.url);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await expect(page.getByRole('dialog', { name: 'Sign in to the hub' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        hub.server.close();
      });
    });

    test.describe('the board', () => {
      let setup: HubOnPostgres;
      test.beforeAll(async () => {
        setup = await startHubOnPostgres('board-axe-e2e-');
        await postScriptedDayAsAdmin(setup.hub.url, 4, 12);
      });
      test.afterAll(async () => {
        await setup?.close();
      });

      test(`has no serious violations (${colorScheme}): its login and the live board`, async ({ page }) => {
        await page.goto(`${setup.hub.url}/board/`);
        await expect(page.getByRole('form', { name: 'Log in to the supervisor board' })).toBeVisible();
        await expectTheme(page, colorScheme);
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByLabel('Username').fill('sam');
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Log in' }).click();
        await expect(page.getByRole('region', { name: 'Queue queue-04' })).toBeVisible();
        await expect(page.getByRole('table', { name: 'Agents' }).locator('tbody tr')).toHaveCount(12);
        expect(await seriousViolations(page)).toEqual([]);
      });
    });
  });
}
