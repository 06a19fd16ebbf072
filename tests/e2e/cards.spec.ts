import { expect, test } from '@playwright/test';
import { deskForEachTest } from '../support/desk-for-each-test.js';
import type { DeskProcess } from '../support/desk-process.js';
import { seededDataDir } from '../support/seeded-data-dir.js';

let desk: DeskProcess;

deskForEachTest(() => seededDataDir('desk-cards-'), (started) => (desk = started));

test('a number shared by two customers asks who is calling, then shows the one chosen', async ({ page }) => {
  await desk.postCallEvent({ callId: 'shared-1', state: 'ringing', remote: 'sip:+35921234567@pbx;user=phone' });
  const card = page.getByRole('region', { name: /Incoming call from 02 .*, 2 possible customers/ });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: /Maria Dimitrova/ }).click();
  await expect(page.getByRole('region', { name: 'Incoming call from Maria Dimitrova' })).toBeVisible();
  await page.getByRole('button', { name: /Choose another/ }).click();
  await expect(page.getByRole('button', { name: /Petar Georgiev/ })).toBeVisible();
});

test('a foreign number sent without its country code is shown as a probable match only', async ({ page }) => {
  await desk.postCallEvent({ callId: 'probable-1', state: 'ringing', remote: '600 123 456' });
  const card = page.getByRole('region', { name: 'Incoming call from Anna Kowalska' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('note')).toContainText('Probable match — check with the caller');
});

test('an unknown caller becomes a customer from the card, and the card turns into theirs', async ({ page }) => {
  await desk.postCallEvent({ callId: 'new-1', state: 'ringing', remote: '0877 000 111', remoteName: 'Stoyan Kolev' });
  const card = page.getByRole('region', { name: /Incoming call from 087/ });
  await expect(card).toContainText('No customer has this number yet');
  await expect(card.getByLabel('First name')).toHaveValue('Stoyan');
  await expect(card.getByLabel('Phone')).toHaveValue('+359877000111');
  await card.getByLabel('Company').fill('Kolev Trans EOOD');
  await card.getByRole('button', { name: 'Create customer' }).click();
  const known = page.getByRole('region', { name: 'Incoming call from Stoyan Kolev' });
  await expect(known).toContainText('Kolev Trans EOOD');
  await expect(known).toContainText(/Customer L-/);
});

test('repeated events update one card; the finished call lands in the call log once', async ({ page }) => {
  for (let i = 0; i < 3; i++) await desk.postCallEvent({ callId: 'rep-1', state: 'ringing', remote: '+359888123456' });
  await desk.postCallEvent({ callId: 'rep-1', state: 'answered', remote: '+359888123456' });
  const card = page.getByRole('region', { name: 'Incoming call from Иван Иванов' });
  await expect(card).toContainText('On the call');
  await expect(page.locator('[data-call-id]')).toHaveCount(1);
  await desk.postCallEvent({ callId: 'rep-1', state: 'ended', remote: '+359888123456' });
  await desk.postCallEvent({ callId: 'rep-1', state: 'ended', remote: '+359888123456' });
  const log = page.getByRole('list', { name: 'Call log' });
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await expect(log).toContainText('Иван Иванов');
  await expect(log).toContainText('Answered');
});

test('an unsaved note survives a reload of the window', async ({ page }) => {
  await desk.postCallEvent({ callId: 'draft-1', state: 'ringing', remote: '0888123456' });
  await page.getByRole('textbox', { name: 'Note' }).fill('Half-written note');
  await page.getByLabel('Disposition').selectOption('sale');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('Half-written note');
  await expect(page.getByLabel('Disposition')).toHaveValue('sale');
});

test('the keyboard drives the desk: / searches, Ctrl+Enter saves, Esc closes the card', async ({ page }) => {
  await desk.postCallEvent({ callId: 'keys-1', state: 'ringing', remote: '0888123456' });
  const card = page.getByRole('region', { name: 'Incoming call from Иван Иванов' });
  await expect(card).toBeVisible();

  await page.getByRole('textbox', { name: 'Note' }).fill('Saved from the keyboard');
  await page.getByLabel('Disposition').selectOption('resolved');
  await page.getByRole('textbox', { name: 'Note' }).press('Control+Enter');
  await expect(card.getByRole('list', { name: 'History' })).toContainText('Saved from the keyboard');

  await page.getByRole('textbox', { name: 'Note' }).press('Escape');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search customers' })).toBeFocused();
  await page.keyboard.type('kowalska');
  await expect(page.getByRole('option', { name: /Anna Kowalska/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Customer Anna Kowalska' })).toBeVisible();
});

test('a save without a disposition is refused on screen and stores nothing', async ({ page }) => {
  await desk.postCallEvent({ callId: 'nodisp-1', state: 'ringing', remote: '0888123456' });
  await page.getByRole('textbox', { name: 'Note' }).fill('No outcome picked');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a disposition');
  await expect(page.getByRole('list', { name: 'History' })).not.toContainText('No outcome picked');
});

test('pasted control characters never reach the desk: the note keeps its tabs and lines, the search still finds', async ({ page }) => {
  await desk.postCallEvent({ callId: 'paste-1', state: 'ringing', remote: '0888123456' });
  const note = page.getByRole('textbox', { name: 'Note' });
  await note.fill('Pasted\u0000 from\u001b[0m a terminal\n\tsecond line');
  await expect(note).toHaveValue('Pasted from[0m a terminal\n\tsecond line');
  await page.getByLabel('Disposition').selectOption('resolved');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Pasted from[0m a terminal');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Search customers' }).fill('kowal\u0000ska');
  await expect(page.getByRole('option', { name: /Anna Kowalska/ })).toBeVisible();
});
