import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';
import { seededDataDir } from '../support/seeded-data-dir.js';

let dataDir: string;
let desk: DeskProcess;

test.beforeEach(async () => {
  dataDir = seededDataDir('desk-race-');
  desk = await startDeskProcess(dataDir);
});
test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a pop that arrives before the desk state on connect waits for it, and the window does not break', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  // The real desk socket, with the first getDeskState request held back: a call that pops
  // meanwhile reaches the window before the desk state does, as on a slow (re)connect.
  await page.routeWebSocket(/\/api\/desk$/, (socket) => {
    const server = socket.connectToServer();
    let heldRequest = false;
    socket.onMessage((message) => {
      if (!heldRequest && (JSON.parse(String(message)) as { name: string }).name === 'getDeskState') {
        heldRequest = true;
        setTimeout(() => server.send(message), 700);
        return;
      }
      server.send(message);
    });
    server.onMessage((message) => socket.send(message));
  });
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: /connection/i })).toHaveAttribute('data-connection', 'connected');
  await desk.postCallEvent({ callId: 'race-1', state: 'ringing', remote: '0888123456' });
  await expect(page.getByRole('region', { name: 'Incoming call from Иван Иванов' })).toBeVisible();
  await expect(page.getByLabel('Disposition')).toBeVisible();
  expect(errors).toEqual([]);
});
