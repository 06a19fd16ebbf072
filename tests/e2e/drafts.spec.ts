/**
 * A whole shift at the desk: the operator's words are never lost. A second call does
 * not take the keyboard from a note being written, a closed card keeps its draft, the
 * draft lives in the desk's store (so it outlives a crash of the host), and finished
 * calls leave the tabs unless a draft holds them.
 */
import { rmSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { type DeskProcess, freePort, startDeskProcess } from '../support/desk-process.js';
import { seededDataDir } from '../support/seeded-data-dir.js';

let dataDir: string;
let desk: DeskProcess;

test.beforeEach(async ({ page }) => {
  dataDir = seededDataDir('desk-drafts-');
  desk = await startDeskProcess(dataDir);
  await openDesk(page);
});

test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openDesk(page: Page): Promise<void> {
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: /connection/i })).toHaveAttribute('data-connection', 'connected');
}

const IVAN = '+359888123456';
const ANNA = '+48600123456';
const tabs = (page: Page) => page.getByRole('navigation', { name: 'Calls' }).getByRole('listitem');

test('a second call while a note is being written leaves the note, its caret and the keyboard with the operator', async ({ page }) => {
  await desk.postCallEvent({ callId: 'first', state: 'answered', remote: IVAN });
  const first = page.getByRole('region', { name: 'Incoming call from Иван Иванов' });
  const note = first.getByRole('textbox', { name: 'Note' });
  await note.click();
  await page.keyboard.type('Wants a refund');

  await desk.postCallEvent({ callId: 'second', state: 'ringing', remote: ANNA });
  await expect(tabs(page)).toHaveCount(2);
  await expect(note).toBeFocused();
  await page.keyboard.type(' for the router');
  await expect(note).toHaveValue('Wants a refund for the router');
  await expect(page.getByRole('status').filter({ hasText: 'Anna Kowalska is calling' })).toContainText('Alt+↓');

  // The reflex Esc leaves the field; the ringing call is not closed by it.
  await page.keyboard.press('Escape');
  await expect(first).toBeVisible();
  await expect(tabs(page).filter({ hasText: 'Anna Kowalska' })).toHaveCount(1);

  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('region', { name: 'Incoming call from Anna Kowalska' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(first.getByRole('textbox', { name: 'Note' })).toHaveValue('Wants a refund for the router');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(/Alt\+↓\s*Next call/);
});

test('a second call while the operator fills in a new customer leaves the form as it is', async ({ page }) => {
  await desk.postCallEvent({ callId: 'unknown', state: 'answered', remote: '0877 000 111' });
  const card = page.getByRole('region', { name: /Incoming call from 087/ });
  await card.getByLabel('Company').click();
  await page.keyboard.type('Kolev');
  await desk.postCallEvent({ callId: 'known', state: 'ringing', remote: ANNA });
  await expect(tabs(page)).toHaveCount(2);
  await expect(card.getByLabel('Company')).toBeFocused();
  await page.keyboard.type(' Trans');
  await expect(card.getByLabel('Company')).toHaveValue('Kolev Trans');
});

test('closing a card with an unsaved note keeps the draft: the call log and the customer show it again', async ({ page }) => {
  await desk.postCallEvent({ callId: 'kept', state: 'answered', remote: IVAN });
  await desk.postCallEvent({ callId: 'kept', state: 'ended', remote: IVAN });
  const card = page.getByRole('region', { name: 'Incoming call from Иван Иванов' });
  await card.getByRole('textbox', { name: 'Note' }).fill('Router replaced, check on Monday');
  await card.getByLabel('Disposition').selectOption('callback');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);

  await page.getByRole('list', { name: 'Call log' }).getByRole('button', { name: /Иван Иванов/ }).click();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('Router replaced, check on Monday');
  await expect(page.getByLabel('Disposition')).toHaveValue('callback');

  await page.getByRole('button', { name: 'Close card' }).click();
  await page.getByRole('searchbox', { name: 'Search customers' }).fill('иванов');
  await page.getByRole('option', { name: /Иван Иванов/ }).click();
  const customer = page.getByRole('region', { name: 'Customer Иван Иванов' });
  await expect(customer).toContainText('Router replaced, check on Monday');
  await customer.getByRole('button', { name: 'Open the note' }).click();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('Router replaced, check on Monday');

  // Discarding is a decision, asked once more.
  await page.getByRole('button', { name: 'Discard draft' }).click();
  const ask = page.getByRole('dialog', { name: 'Discard this note?' });
  await ask.getByRole('button', { name: 'Keep writing' }).click();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('Router replaced, check on Monday');
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await ask.getByRole('button', { name: 'Discard note' }).click();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('');
});

test('a draft is kept in the desk store: it is back after the host is killed and the page reloaded', async ({ page }) => {
  await desk.postCallEvent({ callId: 'crash', state: 'answered', remote: IVAN });
  const note = page.getByRole('textbox', { name: 'Note' });
  await note.fill('Typed just before the crash');
  await page.getByLabel('Disposition').selectOption('sale');
  // Leaving the field sends what is typed at once rather than after the pause: a second screen on the desk shows it.
  await note.blur();
  const other = await page.context().newPage();
  await other.goto(desk.url);
  await expect(tabs(other).filter({ hasText: 'unsaved note' })).toHaveCount(1);
  await other.close();

  await desk.kill();
  desk = await startDeskProcess(dataDir);
  await openDesk(page);
  await tabs(page).filter({ hasText: 'unsaved note' }).getByRole('button').click();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('Typed just before the crash');
  await expect(page.getByLabel('Disposition')).toHaveValue('sale');

  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Typed just before the crash');
  await page.reload();
  await expect(page.getByRole('status', { name: /connection/i })).toHaveAttribute('data-connection', 'connected');
  await expect(tabs(page)).toHaveCount(0);
});

test('a note typed while the desk is down stays on screen, says it is not kept yet, and reaches the desk when it is back', async ({ page }) => {
  const ports = { host: { host: '127.0.0.1', port: await freePort() }, bridge: { json: { enabled: true, host: '127.0.0.1', port: await freePort(), token: null } } };
  await desk.stop();
  desk = await startDeskProcess(dataDir, ports);
  await openDesk(page);
  await desk.postCallEvent({ callId: 'outage', state: 'answered', remote: IVAN });
  const note = page.getByRole('textbox', { name: 'Note' });
  await note.fill('Before');

  await desk.kill();
  const connection = page.getByRole('status', { name: /connection/i });
  await expect(connection).toHaveAttribute('data-connection', 'disconnected');
  await note.press('End');
  await page.keyboard.type(' and during the outage');
  await expect(page.getByRole('alert')).toContainText('This draft is not kept on the desk yet');

  desk = await startDeskProcess(dataDir, ports);
  await expect(connection).toHaveAttribute('data-connection', 'connected', { timeout: 15_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('Before and during the outage');
  const other = await page.context().newPage();
  await other.goto(desk.url);
  await tabs(other).filter({ hasText: 'unsaved note' }).getByRole('button').click();
  await expect(other.getByRole('textbox', { name: 'Note' })).toHaveValue('Before and during the outage');
});

test('finished calls leave the tabs for the call log; one with a draft stays until it is saved', async ({ page }) => {
  for (let i = 1; i <= 6; i++) {
    await desk.postCallEvent({ callId: `missed-${i}`, state: 'ringing', remote: ANNA });
    await desk.postCallEvent({ callId: `missed-${i}`, state: 'missed', remote: ANNA });
  }
  await expect(page.getByRole('list', { name: 'Call log' }).getByRole('listitem')).toHaveCount(6);
  // Only the card on screen is left, and it goes as soon as the operator moves on.
  await expect(tabs(page)).toHaveCount(1);

  await desk.postCallEvent({ callId: 'noted', state: 'answered', remote: IVAN });
  await expect(tabs(page)).toHaveCount(1);
  await page.getByRole('textbox', { name: 'Note' }).fill('Call back about the invoice');
  await page.getByLabel('Disposition').selectOption('callback');
  await desk.postCallEvent({ callId: 'noted', state: 'ended', remote: IVAN });
  await desk.postCallEvent({ callId: 'next', state: 'ringing', remote: ANNA });
  await expect(tabs(page)).toHaveCount(2);

  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('region', { name: 'Incoming call from Anna Kowalska' })).toBeVisible();
  await expect(tabs(page).filter({ hasText: 'Иван Иванов' })).toContainText('unsaved note');
  await tabs(page).filter({ hasText: 'Иван Иванов' }).getByRole('button').click();
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Call back about the invoice');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(tabs(page)).toHaveCount(1);
  await expect(tabs(page)).toContainText('Anna Kowalska');
});
