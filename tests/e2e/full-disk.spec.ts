/**
 * A note saved when the disk is really full (a small tmpfs filled to the last byte): the
 * operator reads that the disk is full and what to do, the note stays on screen and
 * survives a reload, and once space is freed the same note saves.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { deskCustomers } from '../fixtures/desk-customers.js';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk.js';

let disk: SmallDisk;
let desk: DeskProcess | undefined;

test.beforeEach(() => {
  disk = mountSmallDisk(8);
  const store = openDeskStore(join(disk.dir, 'desk.sqlite'));
  store.insertBatch(deskCustomers);
  store.close();
});

test.afterEach(async () => {
  await desk?.stop();
  desk = undefined;
  disk.unmount();
});

test('a note the full disk refused says so, stays on screen, and saves once there is space', async ({ page }) => {
  desk = await startDeskProcess(disk.dir);
  await page.goto(desk.url);
  await desk.postCallEvent({ callId: 'full-1', state: 'ringing', remote: '0888123456' });
  const card = page.getByRole('region', { name: 'Incoming call from Иван Иванов' });
  await expect(card).toBeVisible();

  disk.fill();
  await card.getByRole('textbox', { name: 'Note' }).fill('Wants the router replaced before Friday');
  await card.getByLabel('Disposition').selectOption('callback');
  await card.getByRole('button', { name: 'Save note' }).click();
  await expect(card.getByRole('alert')).toHaveText(
    'The desk could not save this: the disk that holds its customer file is full. What you entered is still here. Ask IT to free up space on this computer, then save again.',
  );
  await expect(card.getByRole('textbox', { name: 'Note' })).toHaveValue('Wants the router replaced before Friday');

  await page.reload();
  await expect(card.getByRole('textbox', { name: 'Note' })).toHaveValue('Wants the router replaced before Friday');

  disk.free();
  await card.getByRole('button', { name: 'Save note' }).click();
  await expect(card.getByRole('list', { name: 'History' })).toContainText('Wants the router replaced before Friday');
});
