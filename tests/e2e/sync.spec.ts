import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';
import { type HubOnPostgres, startHubOnPostgres } from '../support/hub-on-postgres.js';
import { PASSWORD } from '../support/test-hub.js';

let setup: HubOnPostgres;
const desks: DeskProcess[] = [];

test.beforeAll(async () => {
  setup = await startHubOnPostgres('sync-e2e-');
});

test.afterAll(async () => {
  for (const desk of desks) await desk.stop();
  await setup?.close();
});

async function openDesk(page: Page, agent: string): Promise<DeskProcess> {
  const dataDir = mkdtempSync(join(setup.dir, `${agent}-`));
  const desk = await startDeskProcess(dataDir, { agent: { id: agent, name: agent }, hub: { url: setup.hub.url, password: PASSWORD } });
  desks.push(desk);
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: 'Sync with the hub' })).toHaveText('Hub: up to date');
  return desk;
}

async function writeNote(page: Page, note: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Note' }).fill(note);
  await page.getByLabel('Disposition').selectOption('callback');
  await page.getByRole('button', { name: 'Save note' }).click();
}

test('a note written on one desk reaches the other desk’s card, and waits out a hub outage', async ({ browser }) => {
  const [pageA, pageB] = [await browser.newPage(), await browser.newPage()];
  const [deskA, deskB] = [await openDesk(pageA, 'alice'), await openDesk(pageB, 'bob')];

  await deskA.postCallEvent({ callId: 'sync-a1', state: 'ringing', remote: '0888 123 456' });
  await deskB.postCallEvent({ callId: 'sync-b1', state: 'ringing', remote: '+359 888 123 456' });
  const cardB = pageB.getByRole('region', { name: /Incoming call from Иван Иванов/ });
  await expect(cardB).toContainText('Router X200');
  await expect(pageA.getByRole('region', { name: /Incoming call from Иван Иванов/ })).toBeVisible();

  await writeNote(pageA, 'Technician booked for Friday morning');
  await expect(cardB.getByRole('list', { name: 'History' })).toContainText('Technician booked for Friday morning', { timeout: 5_000 });

  await setup.hub.kill();
  await writeNote(pageA, 'Customer called back while the hub was down');
  const statusA = pageA.getByRole('status', { name: 'Sync with the hub' });
  await expect(statusA).toContainText(/Hub offline since \d{1,2}:\d\d( [AP]M)? · 1 change waiting to send/, { timeout: 15_000 });
  await expect(pageA.getByRole('list', { name: 'History' })).toContainText('Customer called back while the hub was down');

  await setup.restart();
  await expect(statusA).toHaveText('Hub: up to date', { timeout: 40_000 });
  await expect(cardB.getByRole('list', { name: 'History' })).toContainText('Customer called back while the hub was down', { timeout: 5_000 });
});

test('a customer corrected on one desk shows corrected on the other desk’s open card', async ({ browser }) => {
  const [pageA, pageB] = [await browser.newPage(), await browser.newPage()];
  const [deskA, deskB] = [await openDesk(pageA, 'alice'), await openDesk(pageB, 'bob')];
  await deskA.postCallEvent({ callId: 'edit-a1', state: 'ringing', remote: '+48 600 123 456' });
  await deskB.postCallEvent({ callId: 'edit-b1', state: 'ringing', remote: '+48 600 123 456' });
  const cardA = pageA.getByRole('region', { name: /Incoming call from Anna Kowalska/ });
  await expect(pageB.getByRole('region', { name: /Incoming call from Anna Kowalska/ })).toBeVisible();

  await cardA.getByRole('button', { name: 'Edit customer' }).click();
  const form = cardA.getByRole('form', { name: 'Edit customer' });
  await form.getByLabel('Last name').fill('Nowak');
  await form.getByLabel('Company').fill('Nowak Sp. z o.o.');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect(pageA.getByRole('region', { name: /Incoming call from Anna Nowak/ })).toContainText('Nowak Sp. z o.o.');

  const cardB = pageB.getByRole('region', { name: /Incoming call from Anna Nowak/ });
  await expect(cardB).toContainText('Nowak Sp. z o.o.', { timeout: 5_000 });
  await pageB.getByRole('searchbox', { name: /search customers/i }).fill('nowak');
  await expect(pageB.getByRole('option', { name: /Anna Nowak/ })).toBeVisible();
});

test('an agent signs in from the desk: a wrong password is refused, the right one brings the hub’s customers', async ({ page }) => {
  const desk = await startDeskProcess(mkdtempSync(join(setup.dir, 'sign-in-')), { agent: { id: 'alice', name: 'Alice' }, hub: { url: setup.hub.url } });
  desks.push(desk);
  await page.goto(desk.url);
  const status = page.getByRole('status', { name: 'Sync with the hub' });
  await expect(status).toHaveText('Hub: not signed in');

  await page.getByRole('button', { name: 'Sign in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to the hub' });
  await expect(dialog).toContainText('As Alice (alice)');
  await dialog.getByLabel('Password').fill('guess');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The hub did not accept this password. Check it and try again; IT can reset it.');
  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText('Hub: up to date');
  await page.getByRole('searchbox', { name: /search customers/i }).fill('georgiev');
  await expect(page.getByRole('option', { name: /Petar Georgiev/ })).toBeVisible();
});
