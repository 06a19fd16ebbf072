import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { freePort } from '../support/desk-process.js';

/** The Electron package installs everywhere; its runtime binary only where it could be downloaded. */
function electronBinary(): string | null {
  const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) console.log('electron-shell: skipped, the Electron runtime binary is not installed on this machine');

test.describe('Electron shell', () => {
  test.skip(!binary, 'the Electron runtime binary is not installed on this machine');

  test('opens a locked-down window that pops a posted call', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-electron-'));
    const bridgePort = await freePort();
    const configPath = join(dataDir, 'config.json');
    writeFileSync(configPath, JSON.stringify({ dataDir, demoCustomers: 50, bridge: { json: { port: bridgePort } } }));
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', '--no-sandbox'],
      env: { ...process.env, AGENT_DESK_CONFIG: configPath },
    });
    try {
      const page = await app.firstWindow();
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as unknown as { agentDesk?: unknown }).agentDesk)).toBe('object');
      await fetch(`http://127.0.0.1:${bridgePort}/v1/call-events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ callId: 'electron-1', state: 'ringing', remote: 'anonymous' }),
      });
      await expect(page.getByRole('region', { name: /Incoming call/ })).toBeVisible();

      // setPermissionCheckHandler: a silent query is refused as firmly as a prompt.
      expect(await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state)).toBe('denied');
      // will-frame-navigate: a frame inside the page stays where it was put.
      const frameUrl = await page.evaluate(async () => {
        const frame = document.createElement('iframe');
        document.body.append(frame);
        frame.contentWindow!.location.href = 'data:text/html,elsewhere';
        await new Promise((resolve) => setTimeout(resolve, 500));
        return frame.contentWindow!.location.href;
      });
      expect(frameUrl).toBe('about:blank');
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
