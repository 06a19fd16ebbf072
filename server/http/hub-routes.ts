/**
 * The hub's routes, registered from the tables in shared/hub-api.ts by one helper: each
 * route's auth checked before its handler runs (before the upgrade, for a WebSocket), its
 * params, query and body parsed with its schemas, its answer sent with its status. Handlers
 * are typed by their route, so a missing one, or one answering the wrong shape, fails the
 * typecheck; every refusal is `{ error, message }` with the status the table gives its code.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import { bearerToken } from '../../shared/bearer-token.js';
import { tokenFromProtocols } from '../../shared/board.js';
import {
  type HubAnswerOf,
  type HubAuth,
  type HubFrameOf,
  type HubParsedInput,
  HUB_REFUSALS,
  type HubRefusalCode,
  hubRequests,
  type HubRequestRoute,
  type HubRequestTable,
  type hubSockets,
  type HubSocketRoute,
  type HubSocketTable,
  ROLES_ALLOWED,
} from '../../shared/hub-api.js';
import type { Agent } from '../../shared/sync.js';
import { describeIssues } from '../../shared/zod-issues.js';

/** A refusal a handler throws; its status is the one the table gives its code. */
export class HubHttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: HubRefusalCode,
    message: string,
    /** Sent as Retry-After: when the same request can expect a different answer. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = HUB_REFUSALS[code];
  }
}

/**
 * An answer already written as JSON, by the database say, sent as it is rather than parsed
 * and written again; the type says whose answer the text is.
 */
export class JsonText<T> {
  declare readonly of: T;
  constructor(readonly text: string) {}
}

/** Who is calling: the agent and their token on every route that needs a session. */
export type Caller<A extends HubAuth> = [A] extends ['none'] ? { ip: string } : { ip: string; agent: Agent; sessionToken: string };
type AnyCaller = Caller<'none'> | Caller<'agent'>;

type Answer<R extends HubRequestRoute> = [HubAnswerOf<R>] extends [undefined] ? void : HubAnswerOf<R> | JsonText<HubAnswerOf<R>>;
export type HubRequestHandler<R extends HubRequestRoute> = (input: HubParsedInput<R>, caller: Caller<R['auth']>) => Promise<Answer<R>>;
/** Runs once the socket is open; `send` writes one frame of the route's schema. */
export type HubSocketHandler<S extends HubSocketRoute> = (socket: WebSocket, caller: Caller<S['auth']>, send: (frame: HubFrameOf<S>) => void) => void;

export type HandlersFor<R extends HubRequestTable, S extends HubSocketTable> = { [N in keyof R]: HubRequestHandler<R[N]> } & { [N in keyof S]: HubSocketHandler<S[N]> };
/** One handler for every route of the hub's API. */
export type HubHandlers = HandlersFor<typeof hubRequests, typeof hubSockets>;

export interface HubRoutes<R extends HubRequestTable, S extends HubSocketTable> {
  requests: R;
  sockets: S;
  handlers: HandlersFor<R, S>;
  agentForToken(token: string): Promise<Agent | undefined>;
}

/** A refusal's body as the hub writes it: always one of the table's codes. */
type HubRefusal = { error: HubRefusalCode; message: string };

function parse<S extends z.ZodType>(schema: S, value: unknown, label: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HubHttpError('bad_request', `${label}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The socket's scope must have @fastify/websocket registered. */
export function registerHubRoutes<R extends HubRequestTable, S extends HubSocketTable>(scope: FastifyInstance, routes: HubRoutes<R, S>): void {
  const callers = new WeakMap<FastifyRequest, AnyCaller>();
  const login = `${hubRequests.login.method} ${hubRequests.login.path}`;

  async function authenticate(request: FastifyRequest, auth: HubAuth): Promise<AnyCaller> {
    if (auth === 'none') return { ip: request.ip };
    // A browser cannot set headers on a WebSocket: a board offers its token as a subprotocol instead.
    // Only there: on plain HTTP that header is no credential, so it cannot stand in for one (or end a session).
    const token = bearerToken(request.headers.authorization) ?? (request.ws ? tokenFromProtocols(request.headers['sec-websocket-protocol']) : null);
    if (token === null) throw new HubHttpError('unauthenticated', `send Authorization: Bearer <token> from ${login}`);
    const agent = await routes.agentForToken(token);
    if (!agent) throw new HubHttpError('unauthenticated', 'the session token is unknown or has expired; log in again');
    const roles: readonly string[] = ROLES_ALLOWED[auth];
    if (roles.length > 0 && !roles.includes(agent.role)) {
      throw new HubHttpError('forbidden', `this needs the ${roles.join(' or ')} role; ${agent.id} is ${agent.role}`);
    }
    return { ip: request.ip, agent, sessionToken: token };
  }
  const checkAuth = (auth: HubAuth) => async (request: FastifyRequest) => {
    callers.set(request, await authenticate(request, auth));
  };

  for (const [name, route] of Object.entries(routes.requests) as [keyof R & string, HubRequestRoute][]) {
    const handler = routes.handlers[name] as unknown as (input: unknown, caller: AnyCaller) => Promise<unknown>;
    scope.route({
      method: route.method,
      url: route.path,
      preHandler: checkAuth(route.auth),
      handler: async (request, reply) => {
        const input = {
          ...(route.params ? { params: parse(route.params, request.params, route.label) } : {}),
          ...(route.query ? { query: parse(route.query, request.query, route.label) } : {}),
          ...(route.body ? { body: parse(route.body, request.body, route.label) } : {}),
        };
        const answer = await handler(input, callers.get(request)!);
        reply.code(route.status);
        if (answer instanceof JsonText) return reply.type('application/json').send(answer.text);
        return reply.send(answer);
      },
    });
  }

  for (const [name, route] of Object.entries(routes.sockets) as [keyof S & string, HubSocketRoute][]) {
    const handler = routes.handlers[name] as unknown as (socket: WebSocket, caller: AnyCaller, send: (frame: unknown) => void) => void;
    scope.get(route.path, { websocket: true, preHandler: checkAuth(route.auth) }, (socket, request) =>
      handler(socket, callers.get(request)!, (frame) => socket.send(JSON.stringify(frame))),
    );
  }
}

/**
 * Answers every failure as a refusal of the table: a {@link HubHttpError} as itself, the
 * framework's refusal of a request (a body too large, not JSON) as bad_request with its
 * status, anything else as internal, with the details in the log only. `translate` turns a
 * failure the hub knows (a full queue, say) into its refusal.
 */
export function answerFailuresAsRefusals(app: FastifyInstance, log: Logger, translate: (err: Error) => Error = (err) => err): void {
  app.setErrorHandler(async (caught: Error & { statusCode?: number }, request, reply) => {
    const err = translate(caught);
    if (err instanceof HubHttpError) {
      if (err.status !== 401) log.warn({ status: err.status, reason: err.message, url: request.url, remote: request.ip }, 'request refused');
      if (err.retryAfterSeconds !== undefined) reply.header('Retry-After', String(err.retryAfterSeconds));
      return reply.code(err.status).send({ error: err.code, message: err.message } satisfies HubRefusal);
    }
    const status = caught.statusCode && caught.statusCode >= 400 && caught.statusCode < 500 ? caught.statusCode : 500;
    if (status === 500) {
      log.error({ err, url: request.url }, 'request failed');
      return reply.code(500).send({ error: 'internal', message: 'the hub failed to handle this request; it is in the hub log' } satisfies HubRefusal);
    }
    log.warn({ status, reason: err.message, url: request.url }, 'request refused');
    return reply.code(status).send({ error: 'bad_request', message: err.message } satisfies HubRefusal);
  });
}
