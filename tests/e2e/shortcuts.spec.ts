import { expect, test } from '@playwright/test';
import { SHORTCUTS } from '../../renderer/src/features/shortcuts/shortcut-table.js';
import { deskForEachTest } from '../support/desk-for-each-test.js';
import type { DeskProcess } from '../support/desk-process.js';
import { seededDataDir } from '../support/seeded-data-dir.js';

let desk: DeskProcess;

deskForEachTest(() => seededDataDir('desk-keys-'), (started) => (desk = started));

test('one key each reaches the note, the disposition (a digit picks the outcome) and the follow-up; Ctrl+Enter saves from anywhere', async ({ page }) => {
  await desk.postCallEvent({ callId: 'keys-note-1', state: 'ringing', remote: '0888123456' });
  const card = page.getByRole('region', { name: 'Incoming call from Иван Иванов' });
  await expect(card).toBeVisible();

  await page.keyboard.press('Alt+KeyN');
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('Reached with one key');

  await page.keyboard.press('Alt+KeyD');
  await expect(page.getByLabel('Disposition')).toBeFocused();
  await page.keyboard.press('Digit2');
  await expect(page.getByLabel('Disposition')).toHaveValue('callback');

  await page.keyboard.press('Alt+KeyF');
  await expect(page.getByLabel('Follow-up')).toBeFocused();
  await page.keyboard.type('2026-12-01');

  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Enter');
  await expect(card.getByRole('list', { name: 'History' })).toContainText('Reached with one key');
});

test('Alt+Down goes to the next call tab, round to the first', async ({ page }) => {
  await desk.postCallEvent({ callId: 'keys-tab-1', state: 'ringing', remote: '0888123456' });
  await expect(page.getByRole('region', { name: 'Incoming call from Иван Иванов' })).toBeVisible();
  await desk.postCallEvent({ callId: 'keys-tab-2', state: 'ringing', remote: '+48600123456' });
  await expect(page.getByRole('region', { name: 'Incoming call from Anna Kowalska' })).toBeVisible();

  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('region', { name: 'Incoming call from Иван Иванов' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('region', { name: 'Incoming call from Anna Kowalska' })).toBeVisible();
});

test('"?" lists every shortcut of the table, with its keys', async ({ page }) => {
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('dt')).toHaveCount(SHORTCUTS.length);
  for (const [keys, label] of [
    ['Alt+N', 'Go to the note'],
    ['Alt+D', 'Go to the disposition'],
    ['1 … 9', 'In the disposition: pick outcome 1–9'],
    ['Alt+F', 'Go to the follow-up date'],
    ['Ctrl+Enter', 'Save the note'],
    ['Alt+↓', 'Next call'],
    ['Alt+1 … 9', 'Switch to call 1–9'],
    ['/Ctrl+K', 'Search customers'],
    ['Esc', 'Close the card'],
    ['?', 'Show this list'],
  ]) {
    await expect(dialog.locator('dl > div', { has: page.locator('dd', { hasText: label }) }).locator('dt')).toHaveText(keys!);
  }
});
