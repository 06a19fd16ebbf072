/**
 * The hub's HTTP and WebSocket surface. Every body and query is checked against the
 * schemas in shared/sync.ts; every route but login and health needs a session, and
 * admin routes need the admin role. Errors answer `{ error, message }` with a message
 * a person can act on.
 */
import { readFileSync } from 'node:fs';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { bearerToken } from '../../shared/bearer-token.js';
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
import type { ChangeFeed } from '../sync/fanout.js';

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
  changes: ChangeFeed;
  log: Logger;
}

export function createHubApp({ config, pool, accounts, changes, log }: HubDeps): FastifyInstance {
  const https = config.tls ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } : null;
  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, ...(https ? { https } : {}) }) as unknown as FastifyInstance;

  function requireRole(...roles: AgentRole[]) {
    return async (request: FastifyRequest) => {
      const token = bearerToken(request.headers.authorization);
      if (token === null) throw new HubHttpError(401, 'unauthenticated', 'send Authorization: Bearer <token> from POST /v1/sessions');
      const agent = await accounts.agentForToken(token);
      if (!agent) throw new HubHttpError(401, 'unauthenticated', 'the session token is unknown or has expired; log in again');
      if (roles.length > 0 && !roles.includes(agent.role)) {
        log.warn({ agent: agent.id, role: agent.role, url: request.url }, 'request refused: role');
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
    await scope.register(fastifyWebsocket, { options: { maxPayload: 1024 } });

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

    scope.get('/v1/sync/nudges', { websocket: true, preHandler: anyAgent }, (socket) => {
      const unsubscribe = changes.subscribe((version) => socket.send(JSON.stringify({ type: 'changes', version } satisfies Nudge)));
      socket.on('close', unsubscribe);
      socket.on('error', (err) => log.warn({ err }, 'nudge socket error'));
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

  return app;
}
