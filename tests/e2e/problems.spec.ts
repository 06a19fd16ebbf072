/**
 * A failed action is never only in the browser console: the operator reads what failed and
 * what to do, can put the notice away, and the desk's log has a line for IT. The desk's
 * refusal is played on the wire (the socket between page and desk), so every other
 * request, the report among them, reaches the real desk.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DESK_SOCKET_PATH, deskError } from '../../shared/desk-wire.js';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.js';

let dataDir: string;
let desk: DeskProcess;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-problems-'));
  desk = await startDeskProcess(dataDir, {}, { env: { AGENT_DESK_LOG_DIR: join(dataDir, 'logs') } });
});

test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function logLines(): Record<string, unknown>[] {
  return readFileSync(join(dataDir, 'logs', 'desk.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('a state change the desk refuses is said on screen, can be put away, and is in the desk log', async ({ page }) => {
  await page.routeWebSocket((url) => url.pathname === DESK_SOCKET_PATH, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id: number; name: string };
      if (frame.name !== 'setAgentState') return server.send(message);
      ws.send(JSON.stringify({ type: 'response', id: frame.id, ok: false, error: deskError('internal', 'storeIoError') }));
    });
  });
  await page.goto(desk.url);
  await expect(page.getByRole('status', { name: /connection/i })).toContainText(/connected/i);

  await page.getByLabel('My state').selectOption({ label: 'Break: lunch' });
  const problem = page.getByRole('alert').filter({ hasText: 'Your state was not changed' });
  await expect(problem).toHaveText(
    /Your state was not changed\. The desk could not read or write its customer file: the disk reported an error\./,
  );
  await expect(page.getByLabel('My state')).toHaveValue('available');

  await expect.poll(() => logLines().filter((l) => l.action === 'setAgentState')).toEqual([
    expect.objectContaining({ level: 40, action: 'setAgentState', code: 'internal', key: 'storeIoError', msg: expect.stringMatching(/agent.s screen/) }),
  ]);

  await problem.getByRole('button', { name: 'Dismiss' }).click();
  await expect(problem).toHaveCount(0);
});
