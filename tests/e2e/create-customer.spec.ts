import { expect, type Page, test } from '@playwright/test';
import { deskForEachTest } from '../support/desk-for-each-test.js';
import type { DeskProcess } from '../support/desk-process.js';
import { seededDataDir } from '../support/seeded-data-dir.js';

let desk: DeskProcess;

deskForEachTest(() => seededDataDir('desk-create-'), (started) => (desk = started));

async function unknownCaller(page: Page, callId: string) {
  await desk.postCallEvent({ callId, state: 'ringing', remote: '0877 000 111', remoteName: 'Stoyan Kolev' });
  const card = page.getByRole('region', { name: /Incoming call from 087/ });
  await expect(card).toContainText('No customer has this number yet');
  return card;
}

test('a phone that is not a full number is refused with the field named, and nobody is created', async ({ page }) => {
  const card = await unknownCaller(page, 'create-bad-1');
  const phone = card.getByLabel('Phone');
  await phone.fill('12');
  await card.getByRole('button', { name: 'Create customer' }).click();
  await expect(card.getByRole('alert')).toContainText('Phone');
  await expect(card.getByRole('alert')).toContainText('12');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toBeFocused();
  await expect(card).toContainText('No customer has this number yet');

  await page.getByRole('searchbox', { name: 'Search customers' }).fill('Kolev');
  await expect(page.locator('.search').getByRole('status')).toContainText('No customer matches');
});

test('a customer created with another number than the caller’s is on the card at once', async ({ page }) => {
  const card = await unknownCaller(page, 'create-other-1');
  await card.getByLabel('Phone').fill('0877 000 222');
  await card.getByRole('button', { name: 'Create customer' }).click();
  await expect(card.getByRole('heading', { name: 'Stoyan Kolev' })).toBeVisible();
  await expect(card).toContainText(/Customer L-/);
  await expect(card).not.toContainText('No customer has this number yet');
  await expect(card).toContainText('087 700 0222');
});
