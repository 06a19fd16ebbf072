import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../../../../electron/services/log.js';
import { type HubOptions, type RunningHub, startHub } from '../../../../server/hub.js';
import { HubConfigSchema } from '../../../../server/hub-config.js';
import { BOARD_PROTOCOL, bearerProtocol } from '../../../../shared/board.js';
import { RENDERER_CONTENT_SECURITY_POLICY } from '../../../../shared/content-security-policy.js';
import { hubRequests } from '../../../../shared/hub-api.js';
import { hubSocketUrl } from '../../../../shared/hub-client.js';
import { slowBody } from '../../../support/raw-http.js';
import { hubClient, startHubOnOwnPostgres, type TestHub } from '../../../support/test-hub.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startHubOnOwnPostgres();
});

afterAll(async () => {
  await hub?.close();
});

const asSubprotocol = (token: string) => ({ 'sec-websocket-protocol': `${BOARD_PROTOCOL}, ${bearerProtocol(token)}` });
const stillValid = async (token: string) => (await hubClient(hub.url, token).call('pull', { query: { after: 0, limit: 1 } })).status;
/** Sent by hand: the token is where the hub client never puts it. */
const withHeaders = (name: 'logout' | 'board', headers: Record<string, string>) => fetch(`${hub.url}${hubRequests[name].path}`, { method: hubRequests[name].method, headers });

describe('where the hub takes a session token from', () => {
  it('does not take a subprotocol token on plain HTTP: a logout so sent is refused, and the session lives on', async () => {
    const { token } = await hub.login('sam');
    const logout = await withHeaders('logout', asSubprotocol(token));
    expect(logout.status).toBe(401);
    expect(await stillValid(token)).toBe(200);
  });

  it('refuses a read with the token only in Sec-WebSocket-Protocol', async () => {
    const { token } = await hub.login('sam');
    expect((await withHeaders('board', asSubprotocol(token))).status).toBe(401);
  });

  it('takes the subprotocol token on a WebSocket upgrade, where a browser cannot send a header', async () => {
    const { token } = await hub.login('sam');
    const socket = new WebSocket(hubSocketUrl(hub.url, 'boardLive'), [BOARD_PROTOCOL, bearerProtocol(token)]);
    const first = await new Promise<string>((resolve, reject) => socket.once('message', (data) => resolve(data.toString())).once('error', reject));
    expect(JSON.parse(first)).toMatchObject({ type: 'snapshot' });
    socket.close();
  });

  it('logs out the session named by the bearer header', async () => {
    const { token } = await hub.login('sam');
    const logout = await hubClient(hub.url, token).call('logout');
    expect(logout.status).toBe(204);
    expect(await stillValid(token)).toBe(401);
  });
});

/** A second hub on the same database, with what the test gives it. */
async function withHub(options: HubOptions, use: (hub: RunningHub) => Promise<void>): Promise<void> {
  const other = await startHub(HubConfigSchema.parse({ database: { url: hub.databaseUrl }, listen: { port: 0 } }), silentLogger, options);
  try {
    await use(other);
  } finally {
    await other.close();
  }
}
const portOf = (url: string) => Number(new URL(url).port);

describe('slow peers', () => {
  const SHORT = { requestTimeoutMs: 600, headersTimeoutMs: 600, idleTimeoutMs: 600 };

  it('closes a connection whose request body trickles in, once the request timeout has passed', async () => {
    await withHub({ timeouts: SHORT }, async (short) => {
      const slow = await Promise.all([1, 2, 3].map(() => slowBody(portOf(short.url), { path: hubRequests.login.path, stage: 'body', everyMs: 100, giveUpMs: 5_000 })));
      for (const { closedAfterMs } of slow) {
        expect(closedAfterMs).not.toBeNull();
        expect(closedAfterMs!).toBeLessThan(4_000);
      }
    });
  });

  it('closes a connection whose headers never end', async () => {
    await withHub({ timeouts: SHORT }, async (short) => {
      const { closedAfterMs } = await slowBody(portOf(short.url), { path: hubRequests.login.path, stage: 'headers', everyMs: 100, giveUpMs: 5_000 });
      expect(closedAfterMs).not.toBeNull();
      expect(closedAfterMs!).toBeLessThan(4_000);
    });
  });

  it('keeps a WebSocket open past the request timeout: a desk’s nudge socket lives all day', async () => {
    await withHub({ timeouts: SHORT }, async (short) => {
      const { token } = await hub.login('alice');
      const socket = new WebSocket(hubSocketUrl(short.url, 'nudges'), { headers: { authorization: `Bearer ${token}` } });
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      let closed = false;
      socket.once('close', () => (closed = true));
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(closed).toBe(false);
      socket.close();
    });
  });
});

describe('the board pages', () => {
  let pages: string;
  beforeAll(() => {
    pages = mkdtempSync(join(tmpdir(), 'hub-board-pages-'));
    mkdirSync(join(pages, 'assets'));
    writeFileSync(join(pages, 'index.html'), '<!doctype html><title>board</title><script type="module" src="./assets/app.js"></script>');
    writeFileSync(join(pages, 'assets', 'app.js'), 'console.log("board");\n//# sourceMappingURL=app.js.map\n');
    writeFileSync(join(pages, 'assets', 'app.js.map'), '{"version":3,"sources":["../src/secret-source.ts"],"mappings":""}');
  });
  afterAll(() => rmSync(pages, { recursive: true, force: true }));

  it('sends the renderer’s Content-Security-Policy with the page and its assets', async () => {
    await withHub({ boardPages: pages }, async (withPages) => {
      for (const path of ['/board/', '/board/assets/app.js']) {
        const response = await fetch(`${withPages.url}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-security-policy')).toBe(RENDERER_CONTENT_SECURITY_POLICY);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });
  });

  it('serves no source maps', async () => {
    await withHub({ boardPages: pages }, async (withPages) => {
      expect((await fetch(`${withPages.url}/board/assets/app.js`)).status).toBe(200);
      const response = await fetch(`${withPages.url}/board/assets/app.js.map`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('secret-source');
    });
  });
});
