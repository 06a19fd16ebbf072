/**
 * The desk on every screen an operator has (WCAG 2.2 reflow): at 1280×720, 1366×768,
 * 1024×768 and 1920×1080, and at 200% zoom of each, the page never scrolls sideways and
 * every control can be reached and is not covered; at 1366×768 the note panel and the
 * customer's tickets are on screen without scrolling.
 *
 * 200% zoom: Chromium lays a page out at 200% zoom exactly as in a window of half the CSS
 * width and height with two device pixels per CSS pixel, so a viewport of half the size
 * with deviceScaleFactor 2 is that zoom.
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';
import { hubThatHangsUp } from '../support/hub-that-hangs-up.js';
import { sidewaysScroll, unreachableControls } from '../support/reflow.js';
import { seededDataDir } from '../support/seeded-data-dir.js';

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
];

let dataDir: string;
let desk: DeskProcess | undefined;
let hub: { url: string; server: Server } | undefined;

test.beforeEach(() => {
  dataDir = seededDataDir('desk-screens-e2e-');
});
test.afterEach(async () => {
  await desk?.stop();
  desk = undefined;
  hub?.server.close();
  hub = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** A desk with a hub configured (its status and Sign in button in the top bar), Ivan's card popped. */
async function deskWithIvan(page: Page) {
  hub = await hubThatHangsUp();
  desk = await startDeskProcess(dataDir, { hub: { url: hub.url } });
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: 'Sync with the hub' })).toHaveText('Hub: not signed in');
  await desk.postCallEvent({ callId: 'screen-1', state: 'ringing', remote: '0888 123 456' });
  const card = page.getByRole('region', { name: 'Incoming call from Иван Иванов' });
  await expect(card).toBeVisible();
  return card;
}

async function expectReflows(page: Page) {
  expect(await sidewaysScroll(page)).toBe(0);
  expect(await unreachableControls(page)).toEqual([]);
}

for (const screen of SCREENS) {
  for (const zoom of [1, 2]) {
    const name = `${screen.width}×${screen.height}${zoom === 2 ? ' at 200% zoom' : ''}`;
    test.describe(name, () => {
      test.use({ viewport: { width: screen.width / zoom, height: screen.height / zoom }, deviceScaleFactor: zoom });

      test(`no sideways scrolling and every control reachable at ${name}: the card, its edit form, search results`, async ({ page }) => {
        const card = await deskWithIvan(page);
        await expectReflows(page);
        await card.getByRole('button', { name: 'Edit customer' }).click();
        await expect(card.getByRole('form', { name: 'Edit customer' })).toBeVisible();
        await expectReflows(page);
        await page.getByRole('button', { name: 'Settings', exact: true }).click();
        await expect(page.getByRole('dialog', { name: 'Settings of this desk' })).toBeVisible();
        await expectReflows(page);
        await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
        await page.getByRole('searchbox', { name: 'Search customers' }).fill('a');
        await expect(page.getByRole('listbox', { name: 'Customers found' })).toBeVisible();
        expect(await sidewaysScroll(page)).toBe(0);
      });
    });
  }
}

test.describe('1366×768 at 100%', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the note panel and the customer’s tickets are on screen without scrolling', async ({ page }) => {
    const card = await deskWithIvan(page);
    const onScreen = async (locator: ReturnType<Page['locator']>) => {
      const box = (await locator.boundingBox())!;
      return box.y >= 0 && box.y + box.height <= 768 && box.x >= 0 && box.x + box.width <= 1366;
    };
    expect(await onScreen(card.getByRole('textbox', { name: 'Note' }))).toBe(true);
    expect(await onScreen(card.getByRole('button', { name: 'Save note' }))).toBe(true);
    expect(await onScreen(card.getByText('Router drops Wi-Fi at night'))).toBe(true);
    expect(await unreachableControls(page)).toEqual([]);
  });

  test('the search box keeps its width beside a hub’s status and a diagnostics export, and Settings and “?” stay on screen', async ({ page }) => {
    await deskWithIvan(page);
    await page.getByRole('button', { name: 'Export diagnostics' }).click();
    await expect(page.getByRole('status', { name: 'Export diagnostics' })).toContainText('Saved to');
    for (const name of ['Settings', 'Keyboard shortcuts']) await expect(page.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await unreachableControls(page)).toEqual([]);
    const search = (await page.getByRole('searchbox', { name: 'Search customers' }).boundingBox())!;
    expect(search.width).toBeGreaterThanOrEqual(280);
  });

  test('“Saved to …” of Export diagnostics goes away by itself', async ({ page }) => {
    await deskWithIvan(page);
    await page.getByRole('button', { name: 'Export diagnostics' }).click();
    const outcome = page.getByRole('status', { name: 'Export diagnostics' });
    await expect(outcome).toContainText('Saved to');
    await expect(outcome).toBeEmpty({ timeout: 15_000 });
  });
});
