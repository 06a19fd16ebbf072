/**
 * What the card and the desk's messages say, read as an operator reads them: overdue work
 * as overdue, people and outcomes by name, counts that start where they should, and every
 * warning a sentence that says what is in use and what to do.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { deskCustomers, ivan } from '../fixtures/desk-customers.js';
import { type DeskProcess, freePort, startDeskProcess } from '../support/desk-process.js';

let dataDir: string;
let desk: DeskProcess | undefined;

const HOUR = 3_600_000;

/** The fixture customers, and Ivan's tickets: one three hours past its SLA, one due in five hours. */
function seedWithTickets(): string {
  const dir = mkdtempSync(join(tmpdir(), 'desk-card-words-'));
  const store = openDeskStore(join(dir, 'desk.sqlite'));
  const now = Date.now();
  const ticket = (id: string, subject: string, slaFromNow: number) => ({
    id, customerId: ivan.customer.id, subject, status: 'open' as const, priority: 'normal' as const,
    openedAt: new Date(now - 24 * HOUR).toISOString(), slaDueAt: new Date(now + slaFromNow).toISOString(),
  });
  store.insertBatch({
    ...deskCustomers,
    tickets: [ticket('late', 'Invoice sent twice', -(3 * HOUR + 10 * 60_000)), ticket('soon', 'Modem swap', 5 * HOUR + 10 * 60_000)],
  });
  store.close();
  return dir;
}

test.afterEach(async () => {
  await desk?.stop();
  desk = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function openDesk(page: Page, overrides: Parameters<typeof startDeskProcess>[1] = {}): Promise<DeskProcess> {
  desk = await startDeskProcess(dataDir, overrides);
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: /connection/i })).toHaveAttribute('data-connection', 'connected');
  return desk;
}

/** WCAG 2.x contrast of an element's text against the first opaque background behind it. */
function contrastOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    let background: number[] = [255, 255, 255];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const value = rgb(getComputedStyle(node).backgroundColor);
      if (value.length === 3 || (value.length === 4 && value[3] === 1)) {
        background = value.slice(0, 3);
        break;
      }
    }
    const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

test('an overdue SLA shows as an overdue badge in words, readable in light and dark', async ({ page }) => {
  dataDir = seedWithTickets();
  const running = await openDesk(page);
  await running.postCallEvent({ callId: 'sla-1', state: 'ringing', remote: '0888123456' });
  const tickets = page.getByRole('region', { name: 'Incoming call from Иван Иванов' }).getByRole('list', { name: 'Tickets' });
  const late = tickets.getByRole('listitem').filter({ hasText: 'Invoice sent twice' });
  const overdue = late.getByRole('status');
  await expect(overdue).toHaveText('SLA overdue by 3 hr');
  await expect(tickets.getByRole('listitem').filter({ hasText: 'Modem swap' })).toContainText('SLA due in 5 hr');
  await expect(tickets.getByRole('listitem').filter({ hasText: 'Modem swap' }).getByRole('status')).toHaveCount(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // A badge of its own colour, not text on the row's background.
    const [badge, row] = await Promise.all([overdue, late].map((l) => l.evaluate((e) => getComputedStyle(e).backgroundColor)));
    expect(badge, `the badge's background in the ${colorScheme} theme`).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
    expect(badge).not.toBe(row);
    expect(await contrastOf(overdue), `contrast in the ${colorScheme} theme`).toBeGreaterThanOrEqual(4.5);
  }
});

test('an empty purchases box says how many days of purchases the desk holds', async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-card-words-'));
  const store = openDeskStore(join(dataDir, 'desk.sqlite'));
  store.insertBatch({ ...deskCustomers, purchases: [] });
  store.close();
  const running = await openDesk(page, { hub: { url: null, password: null, historyDays: 90 } });
  await running.postCallEvent({ callId: 'buy-1', state: 'ringing', remote: '0888123456' });
  const card = page.getByRole('region', { name: 'Incoming call from Иван Иванов' });
  await expect(card.getByRole('region', { name: 'Last purchases' })).toContainText('No purchases in the last 90 days.');
});

test('history names the agent and the outcome, in the agent’s words', async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-card-words-'));
  const store = openDeskStore(join(dataDir, 'desk.sqlite'));
  store.insertBatch(deskCustomers);
  store.close();
  const running = await openDesk(page, { agent: { id: 'agent-2', name: 'Desislava Petrova' } });
  await running.postCallEvent({ callId: 'hist-1', state: 'ringing', remote: '0888123456' });
  await page.getByRole('textbox', { name: 'Note' }).fill('Wants a refund');
  await page.getByLabel('Disposition').selectOption('complaint');
  await page.getByRole('button', { name: 'Save note' }).click();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history).toContainText('Desislava Petrova · Complaint');
  await expect(history).not.toContainText('agent-2');
});

test('the wrap-up countdown starts at the configured time, not above it', async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-card-words-'));
  const running = await openDesk(page, { wrapUpSeconds: 30 });
  await running.postCallEvent({ callId: 'wrap-1', state: 'ringing', remote: '0888123456' });
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeVisible();
  // Every text the countdown ever shows, from its first frame on.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { wrapUpTexts: string[] }).wrapUpTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.wrap-up')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.waitForTimeout(3_000);
  await running.postCallEvent({ callId: 'wrap-1', state: 'answered', remote: '0888123456' });
  await running.postCallEvent({ callId: 'wrap-1', state: 'ended', remote: '0888123456' });
  await expect(page.getByRole('status', { name: 'Wrap-up' })).toBeVisible();
  const texts = await page.evaluate(() => (window as unknown as { wrapUpTexts: string[] }).wrapUpTexts);
  const seconds = texts.map((text) => Number(/(\d+) second/.exec(text)?.[1]));
  expect(seconds.length).toBeGreaterThan(0);
  expect(Math.max(...seconds), texts.join(' | ')).toBeLessThanOrEqual(30);
});

test('the top bar names the agent without saying they are signed in to a hub they are not', async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-card-words-'));
  // No password and nothing listening: the desk needs the agent to sign in, and says so.
  await openDesk(page, { agent: { id: 'it-tester', name: 'IT Tester' }, hub: { url: `http://127.0.0.1:${await freePort()}`, password: null } });
  await expect(page.getByRole('status', { name: 'Sync with the hub' })).toHaveText('Hub: not signed in');
  const topbar = page.getByRole('banner');
  await expect(topbar).toContainText('Agent: IT Tester');
  await expect(topbar).not.toContainText('Signed in as');
});

test('a broken policy: the banner says the last good policy is what the desk runs with', async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-card-words-'));
  mkdirSync(join(dataDir, '.agent-desk'));
  writeFileSync(join(dataDir, '.agent-desk', 'policy.last-good.json'), JSON.stringify({ region: 'PL' }));
  writeFileSync(join(dataDir, 'policy.json'), '{"region": "PL",');
  await openDesk(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`The IT policy ${join(dataDir, 'policy.json')} could not be used`);
  await expect(alert).toContainText('not valid JSON');
  await expect(alert).toContainText(`The desk runs with the last good policy, kept in ${join(dataDir, '.agent-desk', 'policy.last-good.json')}.`);
  await expect(alert).not.toContainText('runs without it');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog').getByRole('row', { name: /Phone region/ })).toContainText('PL');
});

test('a customer with no name is refused with a sentence that says what to enter', async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-card-words-'));
  const running = await openDesk(page);
  await running.postCallEvent({ callId: 'nameless-1', state: 'ringing', remote: '0877 000 222' });
  const card = page.getByRole('region', { name: /Incoming call from 087/ });
  await card.getByRole('button', { name: 'Create customer' }).click();
  const alert = card.getByRole('alert');
  await expect(alert).toHaveText('Enter a first name, a last name or a company: a customer needs at least one of them.');
});

test('the hub status explains itself in the agent’s words, not the network’s', async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-card-words-'));
  await openDesk(page, { hub: { url: `http://127.0.0.1:${await freePort()}`, password: 'a password' } });
  const status = page.getByRole('status', { name: 'Sync with the hub' });
  await expect(status).toHaveAttribute('data-sync', 'offline', { timeout: 10_000 });
  await expect(status).toHaveAttribute('title', 'The desk cannot sync with the hub right now. It keeps trying by itself; your notes and changes wait on this desk until then.');
});

test('a note kept from before names travelled still names this desk’s own agent', async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-card-words-'));
  const store = openDeskStore(join(dataDir, 'desk.sqlite'));
  const old = { id: 'old-1', customerId: ivan.customer.id, kind: 'note' as const, callId: null, phone: null, disposition: 'sale', note: 'Bought the router', followUpOn: null, agent: 'agent-2', at: '2026-11-30T09:00:00.000Z' };
  store.insertBatch({ ...deskCustomers, interactions: [old] });
  store.close();
  const running = await openDesk(page, { agent: { id: 'agent-2', name: 'Desislava Petrova' } });
  await running.postCallEvent({ callId: 'old-1', state: 'ringing', remote: '0888123456' });
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Desislava Petrova · Sale');
});
