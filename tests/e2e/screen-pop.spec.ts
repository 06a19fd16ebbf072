import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';
import { seededDataDir } from '../support/seeded-data-dir.js';

let dataDir: string;
let desk: DeskProcess;

test.beforeEach(async () => {
  dataDir = seededDataDir('desk-e2e-');
  desk = await startDeskProcess(dataDir);
});

test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a posted ringing call pops the right customer; the saved note survives a reload and a host crash', async ({ page }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: /connection/i })).toContainText(/connected/i);

  const response = await desk.postCallEvent({ callId: 'e2e-1', state: 'ringing', remote: '0888 123 456' });
  expect(response.status).toBe(202);

  const card = page.getByRole('region', { name: /Incoming call from Иван Иванов/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Router X200');
  await expect(card).toContainText('Router drops Wi-Fi at night');

  await page.getByRole('textbox', { name: 'Note' }).fill('Wants a replacement router before Friday');
  await page.getByLabel('Disposition').selectOption('callback');
  await page.getByLabel('Follow-up').fill('2026-12-01');
  await page.getByRole('button', { name: 'Save note' }).click();
  const history = card.getByRole('list', { name: 'History' });
  await expect(history).toContainText('Wants a replacement router before Friday');

  await page.reload();
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Wants a replacement router before Friday');

  await desk.kill();
  desk = await startDeskProcess(dataDir, {});
  await page.goto(desk.url);
  await page.getByRole('searchbox', { name: /search customers/i }).fill('иванов');
  await page.getByRole('option', { name: /Иван Иванов/ }).click();
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Wants a replacement router before Friday');
});

test('a malformed event is refused and pops nothing', async ({ page }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: /connection/i })).toContainText(/connected/i);
  const response = await desk.postCallEvent({ callId: 'e2e-2', state: 'ringing-ish', remote: '0888 123 456' } as never);
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ error: expect.stringMatching(/state/) });
  await desk.postCallEvent({ callId: 'e2e-3', state: 'ringing', remote: 'anonymous' });
  await expect(page.getByRole('region', { name: /Incoming call/ })).toHaveCount(1);
  await expect(page.getByRole('region', { name: /Incoming call/ })).toContainText(/withheld/i);
});
