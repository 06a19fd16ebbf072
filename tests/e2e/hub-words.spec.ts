/** What the desk says of what the hub sends and refuses: colleagues by name, refusals in words. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';
import { type HubOnPostgres, startHubOnPostgres } from '../support/hub-on-postgres.js';
import { PASSWORD } from '../support/test-hub.js';
import { testCustomer } from '../fixtures/desk-customers.js';

let setup: HubOnPostgres;
const desks: DeskProcess[] = [];

test.beforeAll(async () => {
  setup = await startHubOnPostgres('hub-words-e2e-');
});

test.afterAll(async () => {
  for (const desk of desks) await desk.stop();
  await setup?.close();
});

async function openDesk(page: Page, agent: string, dataDir = mkdtempSync(join(setup.dir, `${agent}-`))): Promise<DeskProcess> {
  const desk = await startDeskProcess(dataDir, { agent: { id: agent, name: agent }, hub: { url: setup.hub.url, password: PASSWORD } });
  desks.push(desk);
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: 'Sync with the hub' })).toContainText('Hub: up to date');
  return desk;
}

test('a colleague’s note names them as the hub knows them, with the outcome’s label', async ({ browser }) => {
  const [pageA, pageB] = [await browser.newPage(), await browser.newPage()];
  const [deskA, deskB] = [await openDesk(pageA, 'alice'), await openDesk(pageB, 'bob')];
  await deskA.postCallEvent({ callId: 'names-a1', state: 'ringing', remote: '0888 123 456' });
  await deskB.postCallEvent({ callId: 'names-b1', state: 'ringing', remote: '0888 123 456' });
  await pageA.getByRole('textbox', { name: 'Note' }).fill('Technician booked');
  await pageA.getByLabel('Disposition').selectOption('callback');
  await pageA.getByRole('button', { name: 'Save note' }).click();
  const history = pageB.getByRole('list', { name: 'History' });
  await expect(history).toContainText('Technician booked', { timeout: 5_000 });
  await expect(history).toContainText('Alice Operator · Call back');
});

test('a change the hub refuses is said in words, with what the desk did with it', async ({ page }) => {
  const dataDir = mkdtempSync(join(setup.dir, 'refused-'));
  // A customer this desk has and the hub has not (a store copied from another hub's desk): a note about them is refused.
  const store = openDeskStore(join(dataDir, 'desk.sqlite'));
  store.insertBatch({ customers: [{ customer: testCustomer('not-on-hub', 'Lost', 'Customer'), phones: [] }], purchases: [], tickets: [], interactions: [] });
  const note = { mutationId: randomUUID(), callId: null, customerId: 'not-on-hub', phone: null, note: 'x', disposition: 'resolved', followUpOn: null };
  store.recordAnnotation(note, { id: 'bob', name: 'bob' }, new Date());
  store.close();
  await openDesk(page, 'bob', dataDir);
  const status = page.getByRole('status', { name: 'Sync with the hub' });
  await expect(status).toContainText('1 change refused by the hub (kept here; tell IT) · The hub does not have the customer it belongs to.');
  await expect(status).not.toContainText(/foreign key|constraint|customer_unknown/);
});

test('a hub that fails at sign-in is said in words, never in the hub’s or the database’s', async ({ page }) => {
  const dataDir = mkdtempSync(join(setup.dir, 'failing-'));
  const desk = await startDeskProcess(dataDir, { agent: { id: 'alice', name: 'alice' }, hub: { url: setup.hub.url, password: null } });
  desks.push(desk);
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: 'Sync with the hub' })).toHaveText('Hub: not signed in');
  // The hub's database loses the table sign-in reads: the hub answers 500.
  const db = new pg.Client({ connectionString: setup.databaseUrl });
  await db.connect();
  await db.query('ALTER TABLE agents RENAME TO agents_away');
  try {
    await page.getByRole('button', { name: 'Sign in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in to the hub' });
    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toHaveText('The hub could not handle the sign-in just now. Try again in a minute; if it keeps happening, tell IT — the hub’s log says why.');
  } finally {
    await db.query('ALTER TABLE agents_away RENAME TO agents');
    await db.end();
  }
});
