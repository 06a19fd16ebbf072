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
import { describeIssues } from '../../shared/desk-wire.js';
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
import type { HubConfig } from '../hub-config.js';
import { pullChanges } from '../sync/pull.js';
import { applyMutations } from '../sync/push.js';
import type { ChannelListener } from '../sync/fanout.js';
import type { BoardFeed } from '../board/board-feed.js';
import type { DeskPresence } from '../board/desk-presence.js';
import { BUILT_RENDERER } from '../board/board-pages.js';

/** 500 notes of 10,000 characters fit; a body near this is not a desk's push. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HubHttpError(400, 'bad_request', `${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

declare module 'fastify' {
  interface FastifyRequest {
    agent: Agent;
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
}


export function createHubApp({ config, pool, accounts, changes, board, presence, log, boardPages = BUILT_RENDERER }: HubDeps): FastifyInstance {
  const https = config.tls ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } : null;
  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, ...(https ? { https } : {}) }) as unknown as FastifyInstance;

  function requireRole(...roles: AgentRole[]) {
    return async (request: FastifyRequest) => {
      // A browser cannot set headers on a WebSocket: a board offers its token as a subprotocol instead.
      const token = bearerToken(request.headers.authorization) ?? tokenFromProtocols(request.headers['sec-websocket-protocol']);
      if (token === null) throw new HubHttpError(401, 'unauthenticated', 'send Authorization: Bearer <token> from POST /v1/sessions');
      const agent = await accounts.agentForToken(token);
      if (!agent) throw new HubHttpError(401, 'unauthenticated', 'the session token is unknown or has expired; log in again');
      if (roles.length > 0 && !roles.includes(agent.role)) {
        throw new HubHttpError(403, 'forbidden', `this needs the ${roles.join(' or ')} role; ${agent.id} is ${agent.role}`);
      }
      request.agent = agent;
    };
  }
  const anyAgent = requireRole();

  app.setErrorHandler(async (err: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (err instanceof HubHttpError) {
      if (err.status !== 401) log.warn({ status: err.status, reason: err.message, url: request.url }, 'request refused');
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
      const session = await accounts.login(username, password);
      if (!session) {
        log.warn({ username, remote: request.ip }, 'login refused');
        throw new HubHttpError(401, 'bad_credentials', 'wrong username or password');
      }
      log.info({ agent: session.agent.id }, 'logged in');
      return reply.code(201).send(session);
    });

    scope.delete('/v1/sessions/current', { preHandler: anyAgent }, async (request, reply) => {
      await accounts.logout(bearerToken(request.headers.authorization)!);
      return reply.code(204).send();
    });

    scope.get('/v1/sync/changes', { preHandler: anyAgent }, async (request, reply) =>
      reply.type('application/json').send(await pullChanges(pool, parse(PullQuerySchema, request.query, 'pull'))),
    );

    scope.post('/v1/sync/mutations', { preHandler: anyAgent }, async (request) => {
      const { mutations } = parse(PushRequestSchema, request.body, 'push');
      const results = await applyMutations(pool, request.agent, mutations);
      const rejected = results.filter((r) => r.status === 'rejected');
      if (rejected.length > 0) log.warn({ agent: request.agent.id, rejected }, 'mutations rejected');
      return { results };
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
        const agent = await accounts.createAgent(input);
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
    app.register(fastifyStatic, { root: boardPages, prefix: '/board/' });
    app.get('/board', async (_request, reply) => reply.redirect('/board/'));
  }

  return app;
}
