/**
 * The hub's HTTP and WebSocket surface. Every body and query is checked against the
 * schemas in shared/sync.ts; every route but login and health needs a session, and
 * admin routes need the admin role. Errors answer `{ error, message }` with a message
 * a person can act on.
 */
import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { bearerToken } from '../../shared/bearer-token.js';
import { AgentStateReportSchema, BOARD_PROTOCOL, BoardEventsRequestSchema, type BoardUpdate, tokenFromProtocols } from '../../shared/board.js';
import { RENDERER_CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.js';
import { describeIssues } from '../../shared/zod-issues.js';
import { type ListenerTimeouts, serverTimeoutsFor } from '../../shared/listener-timeouts.js';
import {
  type Agent,
  type AgentRole,
  LoginRequestSchema,
  NewAgentSchema,
  type Nudge,
  PullQuerySchema,
  PushRequestSchema,
} from '../../shared/sync.js';
import { type Accounts, AgentExistsError } from '../accounts.js';
import { createFairQueue, QueueFullError } from '../bounded-queue.js';
import type { HubConfig } from '../hub-config.js';
import { pullChanges } from '../sync/pull.js';
import { applyMutations } from '../sync/push.js';
import type { ChannelListener } from '../sync/fanout.js';
import type { BoardFeed } from '../board/board-feed.js';
import type { DeskPresence } from '../board/desk-presence.js';
import { HUB_TIMEOUTS, LOGIN_LIMITS, MAX_BODY_BYTES } from '../hub-limits.js';
import { createLoginThrottle, type LoginThrottleLimits } from './login-throttle.js';
import { BUILT_RENDERER } from '../board/board-pages.js';

export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Sent as Retry-After: when the same request can expect a different answer. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const passwordChecksBusy = () => {
  const retry = LOGIN_LIMITS.busyRetryAfterSeconds;
  return new HubHttpError(503, 'busy', `the hub is checking too many passwords at once; try again in ${retry} s`, retry);
};

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HubHttpError(400, 'bad_request', `${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

declare module 'fastify' {
  interface FastifyRequest {
    agent: Agent;
    /** The token the session was proven with, wherever it came from: logout ends that session. */
    sessionToken: string;
  }
}

export interface HubDeps {
  config: HubConfig;
  pool: Pool;
  accounts: Accounts;
  /** Payloads are the newest committed version. */
  changes: ChannelListener;
  board: BoardFeed;
  presence: DeskPresence;
  log: Logger;
  /** The built renderer, served at /board/ for wallboards; none: no board pages, the API alone. */
  boardPages?: string | null;
  /** Tests make them short. */
  timeouts?: ListenerTimeouts;
  /** Tests make them small. */
  loginThrottle?: LoginThrottleLimits;
}


export function createHubApp({ config, pool, accounts, changes, board, presence, log, boardPages = BUILT_RENDERER, timeouts = HUB_TIMEOUTS, loginThrottle = LOGIN_LIMITS }: HubDeps): FastifyInstance {
  const https = config.tls ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } : null;
  const { http, ...serverTimeouts } = serverTimeoutsFor(timeouts);
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    ...serverTimeouts,
    // Behind a reverse proxy every peer is the proxy: only the proxies named may say, in X-Forwarded-For, who the client is.
    trustProxy: config.listen.trustProxy.length > 0 ? [...config.listen.trustProxy] : false,
    ...(https ? { https: { ...https, ...http } } : { http }),
  }) as unknown as FastifyInstance;

  function requireRole(...roles: AgentRole[]) {
    return async (request: FastifyRequest) => {
      // A browser cannot set headers on a WebSocket: a board offers its token as a subprotocol instead.
      // Only there: on plain HTTP that header is no credential, so it cannot stand in for one (or end a session).
      const token = bearerToken(request.headers.authorization) ?? (request.ws ? tokenFromProtocols(request.headers['sec-websocket-protocol']) : null);
      if (token === null) throw new HubHttpError(401, 'unauthenticated', 'send Authorization: Bearer <token> from POST /v1/sessions');
      const agent = await accounts.agentForToken(token);
      if (!agent) throw new HubHttpError(401, 'unauthenticated', 'the session token is unknown or has expired; log in again');
      if (roles.length > 0 && !roles.includes(agent.role)) {
        throw new HubHttpError(403, 'forbidden', `this needs the ${roles.join(' or ')} role; ${agent.id} is ${agent.role}`);
      }
      request.agent = agent;
      request.sessionToken = token;
    };
  }
  const anyAgent = requireRole();
  const throttle = createLoginThrottle(loginThrottle);
  // Every scrypt run (a login's check, an admin's new agent) takes a place here: see LOGIN_LIMITS.
  const passwordChecks = createFairQueue(LOGIN_LIMITS.passwordChecks);

  app.setErrorHandler(async (caught: Error & { statusCode?: number; code?: string }, request, reply) => {
    const err = caught instanceof QueueFullError ? passwordChecksBusy() : caught;
    if (err instanceof HubHttpError) {
      if (err.status !== 401) log.warn({ status: err.status, reason: err.message, url: request.url, remote: request.ip }, 'request refused');
      if (err.retryAfterSeconds !== undefined) reply.header('Retry-After', String(err.retryAfterSeconds));
      return reply.code(err.status).send({ error: err.code, message: err.message });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      log.error({ err, url: request.url }, 'request failed');
      return reply.code(500).send({ error: 'internal', message: 'the hub failed to handle this request; it is in the hub log' });
    }
    log.warn({ status, reason: err.message, url: request.url }, 'request refused');
    return reply.code(status).send({ error: 'bad_request', message: err.message });
  });

  app.register(async (scope) => {
    await scope.register(fastifyWebsocket, {
      options: { maxPayload: 1024, handleProtocols: (protocols) => (protocols.has(BOARD_PROTOCOL) ? BOARD_PROTOCOL : false) },
    });

    scope.get('/v1/health', async () => {
      await pool.query('SELECT 1');
      return { ok: true };
    });

    scope.post('/v1/sessions', async (request, reply) => {
      const { username, password } = parse(LoginRequestSchema, request.body, 'login');
      const refused = throttle.take(request.ip, username);
      if (refused) {
        const whose = refused.by === 'address' ? 'from this address' : `for "${username}"`;
        throw new HubHttpError(429, 'too_many_attempts', `too many failed logins ${whose}; try again in ${refused.retryAfterSeconds} s`, refused.retryAfterSeconds);
      }
      const session = await passwordChecks.run(request.ip, () => accounts.login(username, password)).catch((err: unknown) => {
        // A password never checked was no attempt.
        if (err instanceof QueueFullError) throttle.giveBack(request.ip, username);
        throw err;
      });
      if (!session) {
        log.warn({ username, remote: request.ip }, 'login refused');
        throw new HubHttpError(401, 'bad_credentials', 'wrong username or password');
      }
      throttle.giveBack(request.ip, username);
      log.info({ agent: session.agent.id }, 'logged in');
      return reply.code(201).send(session);
    });

    scope.delete('/v1/sessions/current', { preHandler: anyAgent }, async (request, reply) => {
      await accounts.logout(request.sessionToken);
      return reply.code(204).send();
    });

    scope.get('/v1/sync/changes', { preHandler: anyAgent }, async (request, reply) =>
      reply.type('application/json').send(await pullChanges(pool, parse(PullQuerySchema, request.query, 'pull'))),
    );

    scope.post('/v1/sync/mutations', { preHandler: anyAgent }, async (request) => {
      const { mutations } = parse(PushRequestSchema, request.body, 'push');
      return { results: await applyMutations(pool, request.agent, mutations, log) };
    });

    /** Every desk holds this open: it carries the nudges, and its closing is how the board learns a desk has gone. */
    scope.get('/v1/sync/nudges', { websocket: true, preHandler: anyAgent }, (socket, request) => {
      const { agent } = request;
      presence.opened(agent);
      const unsubscribe = changes.subscribe((payload) => {
        const version = Number(payload);
        if (Number.isSafeInteger(version) && version > 0) socket.send(JSON.stringify({ type: 'changes', version } satisfies Nudge));
      });
      // A peer that lost power never closes its connection: one that misses a ping's answer is cut off.
      let answered = true;
      socket.on('pong', () => (answered = true));
      const heartbeat = setInterval(() => {
        if (socket.readyState !== socket.OPEN) return;
        if (!answered) return socket.terminate();
        answered = false;
        socket.ping();
      }, config.board.offlineAfterSeconds * 1_000);
      socket.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        presence.closed(agent);
      });
      socket.on('error', (err) => log.warn({ err }, 'nudge socket error'));
    });

    scope.post('/v1/agents/me/state', { preHandler: anyAgent }, async (request, reply) => {
      const report = parse(AgentStateReportSchema, request.body, 'agent state');
      await board.record([{ kind: 'agent', agentId: request.agent.id, name: request.agent.name, report }]);
      return reply.code(204).send();
    });

    /** PBX-wide queue events from a bridge, and agent states relayed for desks: an admin's (service account's) job. */
    scope.post('/v1/board/events', { preHandler: requireRole('admin') }, async (request, reply) => {
      const { inputs } = parse(BoardEventsRequestSchema, request.body, 'board events');
      await board.record(inputs);
      return reply.code(202).send({ accepted: inputs.length });
    });

    scope.get('/v1/board', { preHandler: requireRole('supervisor', 'admin') }, async () => board.snapshot());

    scope.get('/v1/board/live', { websocket: true, preHandler: requireRole('supervisor', 'admin') }, (socket) => {
      const send = (update: BoardUpdate) => socket.send(JSON.stringify(update));
      send({ type: 'snapshot', snapshot: board.snapshot() });
      const unsubscribe = board.subscribe(send);
      socket.on('close', unsubscribe);
      socket.on('error', (err) => log.warn({ err }, 'board socket error'));
    });

    scope.get('/v1/admin/agents', { preHandler: requireRole('admin') }, async () => accounts.listAgents());

    scope.post('/v1/admin/agents', { preHandler: requireRole('admin') }, async (request, reply) => {
      const input = parse(NewAgentSchema, request.body, 'new agent');
      try {
        const agent = await passwordChecks.run(request.ip, () => accounts.createAgent(input));
        log.info({ agent: agent.id, role: agent.role, by: request.agent.id }, 'agent created');
        return reply.code(201).send(agent);
      } catch (err) {
        if (err instanceof AgentExistsError) throw new HubHttpError(409, 'conflict', err.message);
        throw err;
      }
    });
  });

  if (boardPages && existsSync(boardPages)) {
    // The page itself is public (it only asks for a login); every figure behind it needs a supervisor's session.
    app.register(async (pages) => {
      pages.addHook('onSend', async (_request, reply, payload) => {
        reply.header('Content-Security-Policy', RENDERER_CONTENT_SECURITY_POLICY);
        reply.header('X-Content-Type-Options', 'nosniff');
        reply.header('Referrer-Policy', 'no-referrer');
        return payload;
      });
      // The build keeps source maps for debugging a desk; a wallboard needs none, and they would publish the source.
      await pages.register(fastifyStatic, { root: boardPages, prefix: '/board/', allowedPath: (path) => !path.endsWith('.map') });
      pages.get('/board', async (_request, reply) => reply.redirect('/board/'));
    });
  }

  return app;
}
