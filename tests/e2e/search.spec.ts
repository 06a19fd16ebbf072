import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { deskCustomers, testCustomer } from '../fixtures/desk-customers.js';
import { deskForEachTest } from '../support/desk-for-each-test.js';

/** The fixture customers and 30 namesakes, more than one page of results. */
function dataDirWithNamesakes(): string {
  const dir = mkdtempSync(join(tmpdir(), 'desk-search-e2e-'));
  const store = openDeskStore(join(dir, 'desk.sqlite'));
  store.insertBatch(deskCustomers);
  store.insertBatch({
    customers: Array.from({ length: 30 }, (_, i) => ({ customer: testCustomer(`k${i}`, 'Олена', `Коваленко`, { country: 'UA' }), phones: [] })),
    purchases: [], tickets: [], interactions: [],
  });
  store.close();
  return dir;
}

deskForEachTest(dataDirWithNamesakes);

test('the search box finds a customer by a fragment of their number and by a Latin spelling of their name', async ({ page }) => {
  const search = page.getByRole('searchbox', { name: 'Search customers' });
  const results = page.getByRole('listbox', { name: 'Customers found' });
  for (const query of ['888 123', '0888123456', '+359888123456', '123456', 'ivanov']) {
    await search.fill(query);
    await expect(results.getByRole('option'), query).toHaveCount(1);
    await expect(results.getByRole('option', { name: /Иван Иванов/ }), query).toBeVisible();
    await expect(page.getByText('1 customer found')).toBeVisible();
  }
});

test('the search says how many matched and shows more on request', async ({ page }) => {
  const search = page.getByRole('searchbox', { name: 'Search customers' });
  const options = page.getByRole('listbox', { name: 'Customers found' }).getByRole('option');
  await search.fill('kovalenko');
  await expect(page.getByText('30 customers found')).toBeVisible();
  await expect(options).toHaveCount(12);
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(options).toHaveCount(24);
  await expect(search).toBeFocused();
  for (let i = 0; i < 23; i++) await search.press('ArrowDown');
  await expect(options.nth(23)).toHaveAttribute('aria-selected', 'true');
  await search.press('ArrowDown');
  await expect(options).toHaveCount(30);
  await expect(page.getByRole('button', { name: 'Show more' })).toHaveCount(0);
  await expect(options.nth(23)).toHaveAttribute('aria-selected', 'true');
});
