import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { type DeskProcess, freePort, startDeskProcess } from '../support/desk-process.js';
import { seededDataDir } from '../support/seeded-data-dir.js';

let dataDir: string;
let desk: DeskProcess;

test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the page takes the new socket secret of a host restarted on its port, and pops again without a reload', async ({ page }) => {
  dataDir = seededDataDir('desk-socket-');
  const ports = { host: { host: '127.0.0.1', port: await freePort() }, bridge: { json: { enabled: true, host: '127.0.0.1', port: await freePort(), token: null } } };
  desk = await startDeskProcess(dataDir, ports);
  await page.goto(desk.url);
  const connection = page.getByRole('status', { name: /connection/i });
  await expect(connection).toHaveAttribute('data-connection', 'connected');

  await desk.kill();
  await expect(connection).toHaveAttribute('data-connection', 'disconnected');
  desk = await startDeskProcess(dataDir, ports);
  await expect(connection).toHaveAttribute('data-connection', 'connected', { timeout: 15_000 });

  await desk.postCallEvent({ callId: 'after-restart', state: 'ringing', remote: '0888 123 456' });
  await expect(page.getByRole('region', { name: 'Incoming call from Иван Иванов' })).toBeVisible();
});
