/**
 * The set-up most end-to-end specs share: before each test a desk on a fresh data folder
 * and the page attached to it; after it, the desk stopped and the folder gone. The spec
 * that posts calls keeps its own `desk` variable, handed over through `use`.
 */
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { type DeskProcess, startDeskProcess } from './desk-process.js';

export function deskForEachTest(makeDataDir: () => string, use: (desk: DeskProcess) => void = () => undefined): void {
  let dataDir: string;
  let desk: DeskProcess;
  test.beforeEach(async ({ page }) => {
    dataDir = makeDataDir();
    desk = await startDeskProcess(dataDir);
    use(desk);
    await page.goto(desk.url);
    await expect(page.getByRole('status', { name: /connection/i })).toHaveAttribute('data-connection', 'connected');
  });
  test.afterEach(async () => {
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
}
