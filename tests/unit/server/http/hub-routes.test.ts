/** The hub's route registration, on a bare app with some of the hub's own routes and one of its own that takes a path parameter. */
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, assertType, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { silentLogger } from '../../../../electron/services/log.js';
import { answerFailuresAsRefusals, type HandlersFor, type HubHandlers, JsonText, registerHubRoutes } from '../../../../server/http/hub-routes.js';
import { BOARD_PROTOCOL, type BoardSnapshot, bearerProtocol } from '../../../../shared/board.js';
import { hubRequests, type HubRequestTable, hubSockets } from '../../../../shared/hub-api.js';
import { hubSocketUrl } from '../../../../shared/hub-client.js';
import type { Agent, PullPage } from '../../../../shared/sync.js';

const requests = {
  board: hubRequests.board,
  pull: hubRequests.pull,
  push: hubRequests.push,
  note: { method: 'GET', path: '/v1/notes/:id', auth: 'agent', label: 'note', params: z.strictObject({ id: z.coerce.number<number>().int().min(1) }), status: 200, answer: z.object({ id: z.number() }) },
} as const satisfies HubRequestTable;
const sockets = { boardLive: hubSockets.boardLive };

const AGENTS: Record<string, Agent> = {
  'alice-token': { id: 'alice', username: 'alice', name: 'Alice', role: 'operator' },
  'sam-token': { id: 'sam', username: 'sam', name: 'Sam', role: 'supervisor' },
};
const SNAPSHOT: BoardSnapshot = { queues: [], agents: [], at: '2026-12-01T10:00:00.000Z', timeZone: 'UTC' };
const PAGE = '{"changes":[],"cursor":5,"more":false}';

const received: unknown[] = [];
const handlers: HandlersFor<typeof requests, typeof sockets> = {
  async board() {
    received.push('board');
    return SNAPSHOT;
  },
  async pull({ query }) {
    received.push(query);
    return new JsonText<PullPage>(PAGE);
  },
  async push({ body }, { agent }) {
    received.push({ body, by: agent.id });
    return { results: [] };
  },
  async note({ params }) {
    return { id: params.id };
  },
  boardLive(_socket, _caller, send) {
    send({ type: 'snapshot', snapshot: SNAPSHOT });
  },
};

let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  app = Fastify();
  answerFailuresAsRefusals(app, silentLogger);
  await app.register(async (scope) => {
    await scope.register(fastifyWebsocket, { options: { handleProtocols: (protocols) => (protocols.has(BOARD_PROTOCOL) ? BOARD_PROTOCOL : false) } });
    registerHubRoutes(scope, { requests, sockets, handlers, agentForToken: async (token) => AGENTS[token] });
  });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => app?.close());

async function get(path: string, token?: string) {
  received.length = 0;
  const response = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}
const answerTo = async (path: string, token?: string) => {
  const { status, text } = await get(path, token);
  return { status, json: JSON.parse(text) as unknown };
};

describe('a route of the table, registered', () => {
  it('refuses a call without a session as the hub does, saying where to get one, and runs no handler', async () => {
    expect(await answerTo('/v1/board')).toEqual({ status: 401, json: { error: 'unauthenticated', message: 'send Authorization: Bearer <token> from POST /v1/sessions' } });
    expect(received).toEqual([]);
  });

  it('refuses a token it does not know', async () => {
    expect(await answerTo('/v1/board', 'forged')).toEqual({ status: 401, json: { error: 'unauthenticated', message: 'the session token is unknown or has expired; log in again' } });
  });

  it('refuses an agent without the role the route needs, naming the roles, and runs no handler', async () => {
    expect(await answerTo('/v1/board', 'alice-token')).toEqual({ status: 403, json: { error: 'forbidden', message: 'this needs the supervisor or admin role; alice is operator' } });
    expect(received).toEqual([]);
  });

  it('lets the role in, and answers with the route’s status and the handler’s answer', async () => {
    expect(await answerTo('/v1/board', 'sam-token')).toEqual({ status: 200, json: SNAPSHOT });
  });

  it('refuses input that does not match the route’s schemas, under the route’s label', async () => {
    expect(await answerTo('/v1/sync/changes?after=-1', 'alice-token')).toMatchObject({ status: 400, json: { error: 'bad_request', message: expect.stringMatching(/^pull: after: /) } });
    expect(await answerTo('/v1/notes/0', 'alice-token')).toMatchObject({ status: 400, json: { error: 'bad_request', message: expect.stringMatching(/^note: id: /) } });
    const push = await fetch(`${url}/v1/sync/mutations`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer alice-token' }, body: '{"mutations":[]}' });
    expect({ status: push.status, json: await push.json() }).toMatchObject({ status: 400, json: { error: 'bad_request', message: expect.stringMatching(/^push: mutations: /) } });
    expect(received).toEqual([]);
  });

  it('hands the handler its input parsed, defaults applied, and the caller', async () => {
    await get('/v1/sync/changes?after=5', 'alice-token');
    expect(received).toEqual([{ after: 5, limit: 1_000 }]);
    expect(await answerTo('/v1/notes/7', 'alice-token')).toEqual({ status: 200, json: { id: 7 } });
  });

  it('sends an answer already written as JSON as it is', async () => {
    expect(await get('/v1/sync/changes?after=5', 'alice-token')).toEqual({ status: 200, type: 'application/json; charset=utf-8', text: PAGE });
  });

  it('checks a socket’s role before the upgrade, and sends its frames once open', async () => {
    const refused = new WebSocket(hubSocketUrl(url, 'boardLive'), [BOARD_PROTOCOL, bearerProtocol('alice-token')]);
    expect(await new Promise((resolve) => refused.once('unexpected-response', (_req, res) => resolve(res.statusCode)))).toBe(403);
    const board = new WebSocket(hubSocketUrl(url, 'boardLive'), [BOARD_PROTOCOL, bearerProtocol('sam-token')]);
    const first = await new Promise<string>((resolve, reject) => board.once('message', (data) => resolve(data.toString())).once('error', reject));
    expect(JSON.parse(first)).toEqual({ type: 'snapshot', snapshot: SNAPSHOT });
    board.close();
  });

  it('will not compile a handler table that misses a route or answers with the wrong shape', () => {
    const { board: _left, ...withoutBoard } = handlers;
    // @ts-expect-error: the board route has no handler
    assertType<HandlersFor<typeof requests, typeof sockets>>(withoutBoard);
    assertType<HandlersFor<typeof requests, typeof sockets>>({
      ...handlers,
      // @ts-expect-error: a board snapshot has queues, agents, at and timeZone
      board: async () => ({ queues: [] }),
    });
    // @ts-expect-error: the hub's own table needs a handler for every route it declares
    assertType<HubHandlers>({ health: async () => ({ ok: true as const }) });
  });
});
