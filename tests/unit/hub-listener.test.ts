import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BOARD_PROTOCOL, bearerProtocol } from '../../shared/board.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { startTestHub, type TestHub } from '../support/test-hub.js';

let postgres: PostgresServer;
let hub: TestHub;

beforeAll(async () => {
  postgres = await startPostgres();
  hub = await startTestHub(postgres);
});

afterAll(async () => {
  await hub?.close();
  await postgres?.stop();
});

const asSubprotocol = (token: string) => ({ 'sec-websocket-protocol': `${BOARD_PROTOCOL}, ${bearerProtocol(token)}` });
const stillValid = async (token: string) => (await fetch(`${hub.url}/v1/sync/changes?after=0&limit=1`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('where the hub takes a session token from', () => {
  it('does not take a subprotocol token on plain HTTP: a logout so sent is refused, and the session lives on', async () => {
    const { token } = await hub.login('sam');
    const logout = await fetch(`${hub.url}/v1/sessions/current`, { method: 'DELETE', headers: asSubprotocol(token) });
    expect(logout.status).toBe(401);
    expect(await stillValid(token)).toBe(200);
  });

  it('refuses a read with the token only in Sec-WebSocket-Protocol', async () => {
    const { token } = await hub.login('sam');
    expect((await fetch(`${hub.url}/v1/board`, { headers: asSubprotocol(token) })).status).toBe(401);
  });

  it('takes the subprotocol token on a WebSocket upgrade, where a browser cannot send a header', async () => {
    const { token } = await hub.login('sam');
    const socket = new WebSocket(`${hub.url.replace('http', 'ws')}/v1/board/live`, [BOARD_PROTOCOL, bearerProtocol(token)]);
    const first = await new Promise<string>((resolve, reject) => socket.once('message', (data) => resolve(data.toString())).once('error', reject));
    expect(JSON.parse(first)).toMatchObject({ type: 'snapshot' });
    socket.close();
  });

  it('logs out the session named by the bearer header', async () => {
    const { token } = await hub.login('sam');
    const logout = await fetch(`${hub.url}/v1/sessions/current`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(logout.status).toBe(204);
    expect(await stillValid(token)).toBe(401);
  });
});
