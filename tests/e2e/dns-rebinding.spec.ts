/**
 * DNS rebinding, in Chromium itself. Chromium resolves rebind.example to 127.0.0.1
 * (--host-resolver-rules). The attacker's page is served from loopback on the port the
 * desk will use, under that name; then that server goes and the desk starts on the
 * same port, as if the name's DNS answer had flipped. The page is now "same origin"
 * with the desk, and everything it asks for reaches the desk's real listeners.
 */
import { createServer } from 'node:http';
import { rmSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DESK_SOCKET_SECRET_META } from '../../shared/desk-wire.js';
import { debianChromium } from '../support/debian-chromium.js';
import { openDeskSocket, readSocketSecret } from '../support/desk-socket-client.js';
import { type DeskProcess, freePort, startDeskProcess } from '../support/desk-process.js';
import { seededDataDir } from '../support/seeded-data-dir.js';

const FOREIGN = 'rebind.example';

test.use({ launchOptions: { ...debianChromium, args: [...debianChromium.args, `--host-resolver-rules=MAP ${FOREIGN} 127.0.0.1`] } });

let dataDir: string;
let desk: DeskProcess | undefined;

test.beforeEach(() => {
  dataDir = seededDataDir('desk-rebind-');
});

test.afterEach(async () => {
  await desk?.stop();
  desk = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** The attacker's page on each port, served from loopback under the foreign name; then the desk on those ports. */
async function rebindToDesk(pages: Page[]): Promise<{ desk: DeskProcess; hostPort: number; bridgePort: number }> {
  const [hostPort, bridgePort] = [await freePort(), await freePort()];
  const attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Win a prize</title>'));
  const second = createServer(attacker.listeners('request')[0] as Parameters<typeof createServer>[0]);
  await new Promise<void>((resolve) => attacker.listen(hostPort, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => second.listen(bridgePort, '127.0.0.1', resolve));
  await pages[0]!.goto(`http://${FOREIGN}:${hostPort}/attack.html`);
  await pages[1]!.goto(`http://${FOREIGN}:${bridgePort}/attack.html`);
  for (const server of [attacker, second]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  desk = await startDeskProcess(dataDir, {
    host: { host: '127.0.0.1', port: hostPort },
    bridge: { json: { enabled: true, host: '127.0.0.1', port: bridgePort, token: null } },
  });
  return { desk, hostPort, bridgePort };
}

async function liveCards(deskUrl: string): Promise<string[]> {
  const client = await openDeskSocket(deskUrl, { secret: await readSocketSecret(deskUrl) });
  try {
    return ((await client.request('getDeskState')).output as { cards: { callId: string }[] }).cards.map((card) => card.callId);
  } finally {
    client.ws.close();
  }
}

/** What the foreign page learns from the desk socket: whether it opened, and every frame it got. */
function trySocket(page: Page, url: string, protocols: string[]) {
  return page.evaluate(
    ({ url, protocols }) =>
      new Promise<{ opened: boolean; frames: string[] }>((resolve) => {
        const frames: string[] = [];
        let opened = false;
        const socket = new WebSocket(url, protocols);
        socket.onopen = () => {
          opened = true;
          socket.send(JSON.stringify({ id: 1, name: 'searchCustomers', input: { query: 'Иванов' } }));
          socket.send(JSON.stringify({ id: 2, name: 'getDeskState', input: {} }));
        };
        socket.onmessage = (message) => frames.push(String(message.data));
        socket.onclose = () => resolve({ opened, frames });
        setTimeout(() => resolve({ opened, frames }), 3_000);
      }),
    { url, protocols },
  );
}

test('a page on a name rebound to 127.0.0.1 reads nothing from the desk and cannot ring it', async ({ page, context }) => {
  const bridgePage = await context.newPage();
  const { desk, hostPort } = await rebindToDesk([page, bridgePage]);

  // Same origin now: the page could read whatever the host answers, the secret included.
  const served = await page.evaluate(async () => {
    const response = await fetch('/', { cache: 'no-store' });
    return { status: response.status, body: await response.text() };
  });
  expect(served.status).toBe(421);
  expect(served.body).not.toContain(DESK_SOCKET_SECRET_META);
  expect(await page.evaluate(async () => (await fetch('/index.html', { cache: 'no-store' })).status)).toBe(421);

  for (const protocols of [[], ['agent-desk.v1'], ['agent-desk.v1', 'secret.guessed']]) {
    const attempt = await trySocket(page, `ws://${FOREIGN}:${hostPort}/api/desk`, protocols);
    expect(attempt, `offering ${JSON.stringify(protocols)}`).toEqual({ opened: false, frames: [] });
  }

  const posted = await bridgePage.evaluate(async () => {
    const response = await fetch('/v1/call-events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ callId: 'rebind-1', state: 'ringing', remote: '0888 123 456' }),
    });
    return response.status;
  });
  expect(posted).toBe(421);
  expect(await liveCards(desk.url)).toEqual([]);
});

test('a page of another origin on loopback gets no desk socket and cannot post a call', async ({ page }) => {
  desk = await startDeskProcess(dataDir);
  const hostPort = Number(new URL(desk.url).port);
  const foreignPort = await freePort();
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Elsewhere</title>'));
  await new Promise<void>((resolve) => server.listen(foreignPort, '127.0.0.1', resolve));
  try {
    await page.goto(`http://${FOREIGN}:${foreignPort}/`);
    for (const url of [`ws://127.0.0.1:${hostPort}/api/desk`, `ws://${FOREIGN}:${hostPort}/api/desk`]) {
      expect(await trySocket(page, url, ['agent-desk.v1']), url).toEqual({ opened: false, frames: [] });
    }
    // A simple cross-origin POST needs no preflight: text/plain, no-cors.
    await page.evaluate(
      (bridge) =>
        fetch(`${bridge}/v1/call-events`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ callId: 'cross-1', state: 'ringing', remote: '0888 123 456' }) }),
      desk.bridgeUrl,
    );
    expect(await liveCards(desk.url)).toEqual([]);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
