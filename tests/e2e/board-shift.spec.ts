/**
 * The board over a whole shift: agents whose desks died while no hub was up go offline
 * once a hub is back, desks connected to another instance stay as they are, a supervisor
 * logs out, and the charts say what their lines are and which hours they show.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { agentId, postScriptedDayAsAdmin } from '../support/board-generator.js';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';
import { type HubOnPostgres, startHubOnPostgres } from '../support/hub-on-postgres.js';
import { type HubProcess, startHubProcess } from '../support/hub-process.js';
import { sidewaysScroll, unreachableControls } from '../support/reflow.js';
import { hubClient, PASSWORD } from '../support/test-hub.js';

/** Short enough to wait out in a test; the mechanism is the same at the default 30 s. */
const GRACE_SECONDS = 2;

let setup: HubOnPostgres;
let desk: DeskProcess | undefined;
let other: HubProcess | undefined;

test.beforeAll(async () => {
  setup = await startHubOnPostgres('board-shift-e2e-', { board: { offlineAfterSeconds: GRACE_SECONDS } });
  // Queues with charts and a page of agents: what the layout and the charts are checked on.
  await postScriptedDayAsAdmin(setup.hub.url, 4, 40);
});
test.afterEach(async () => {
  await desk?.stop();
  desk = undefined;
  await other?.stop();
  other = undefined;
});
test.afterAll(async () => {
  await setup?.close();
});

async function login(page: Page, hubUrl = setup.hub.url): Promise<void> {
  await page.goto(`${hubUrl}/board/`);
  await page.getByLabel('Username').fill('sam');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('status')).toHaveText('Live');
}

async function bobOnLunch(page: Page, hubUrl: string) {
  desk = await startDeskProcess(mkdtempSync(join(setup.dir, 'bob-')), { agent: { id: 'bob', name: 'Bob' }, hub: { url: hubUrl, password: PASSWORD } });
  const operator = await page.context().newPage();
  await operator.goto(desk.url);
  await expect(operator.getByRole('status', { name: 'Sync with the hub' })).toHaveText('Hub: up to date');
  await operator.getByLabel('My state').selectOption('break:lunch');
  await operator.close();
}

test('a desk killed while the hub was down shows offline once the hub is back, after the same grace', async ({ page }) => {
  await login(page);
  await bobOnLunch(page, setup.hub.url);
  const bob = page.locator('tr[data-agent="bob"]');
  await expect(bob).toContainText('Break: lunch');

  await setup.hub.kill();
  await desk!.kill();
  desk = undefined;
  await setup.restart();
  await expect(page.getByRole('status')).toHaveText('Live', { timeout: 15_000 });
  // Not heard from since the hub started: offline after the grace (plus the board's reconnect), not "Break: lunch" for the rest of the day.
  await expect(bob).toContainText('Offline', { timeout: GRACE_SECONDS * 1_000 + 5_000 });
});

test('a hub instance that starts beside another leaves the desks connected to that one as they are', async ({ page }) => {
  await bobOnLunch(page, setup.hub.url);
  other = await startHubProcess(mkdtempSync(join(setup.dir, 'other-')), setup.databaseUrl, undefined, { board: { offlineAfterSeconds: GRACE_SECONDS } });
  await login(page, other.url);
  const bob = page.locator('tr[data-agent="bob"]');
  await expect(bob).toContainText('Break: lunch');
  // Three graces: the new instance has long made up its mind.
  await page.waitForTimeout(GRACE_SECONDS * 3_000);
  await expect(bob).toContainText('Break: lunch');
});

test('a supervisor logs out: the board forgets the session, and the hub does too', async ({ page }) => {
  await login(page);
  const token = await page.evaluate(() => sessionStorage.getItem('agent-desk-board-token'));
  expect(token).not.toBeNull();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('form', { name: 'Log in to the supervisor board' })).toBeVisible();
  await expect.poll(async () => (await hubClient(setup.hub.url, token).call('board')).status).toBe(401);
  await page.reload();
  await expect(page.getByRole('form', { name: 'Log in to the supervisor board' })).toBeVisible();
});

test('the charts have a legend and an axis from three hours before the current one to its end', async ({ page }) => {
  await login(page);
  await expect(page.getByRole('list', { name: 'What the lines show' }).getByRole('listitem')).toHaveText(['Offered', 'Answered', 'Abandoned']);

  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const time = (ms: number) => new Intl.DateTimeFormat('en', { timeStyle: 'short', timeZone: 'UTC' }).format(ms);
  await expect(page.getByRole('img', { name: /queue-01$/ })).toHaveAccessibleName(
    `Offered, answered and abandoned calls per 15 minutes from ${time(hour - 3 * 3_600_000)} to ${time(hour + 3_600_000)} in queue-01`,
  );
});

// 200% zoom is a viewport of half the CSS size with two device pixels per CSS pixel (screens.spec.ts).
for (const screen of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
  test(`the board and its login fit ${screen.width}×${screen.height} at 200% zoom: no sideways scrolling, every control reachable`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: screen.width / 2, height: screen.height / 2 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${setup.hub.url}/board/`);
    await expect(page.getByRole('form', { name: 'Log in to the supervisor board' })).toBeVisible();
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await unreachableControls(page)).toEqual([]);
    await login(page);
    await expect(page.locator(`tr[data-agent="${agentId(39)}"]`)).toBeVisible();
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await unreachableControls(page)).toEqual([]);
    await context.close();
  });
}
