/**
 * The hub's HTTP and WebSocket surface: the handler of every route shared/hub-api.ts
 * declares, registered through hub-routes.ts (which checks each route's role and input),
 * and the board's pages. Errors answer `{ error, message }` with a message a person can act on.
 */
import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { BOARD_PROTOCOL } from '../../shared/board.js';
import { RENDERER_CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.js';
import { hubRequests, hubSockets } from '../../shared/hub-api.js';
import { type ListenerTimeouts, serverTimeoutsFor } from '../../shared/listener-timeouts.js';
import type { PullPage } from '../../shared/sync.js';
import { type Accounts, AgentExistsError } from '../accounts.js';
import { createFairQueue, QueueFullError } from '../bounded-queue.js';
import type { HubConfig } from '../hub-config.js';
import { applyMutations } from '../sync/push.js';
import type { ChannelListener } from '../db/channel-listener.js';
import type { HubDb } from '../db/hub-db.js';
import type { BoardFeed } from '../board/board-feed.js';
import type { DeskPresence } from '../board/desk-presence.js';
import { HUB_TIMEOUTS, LOGIN_LIMITS, MAX_BODY_BYTES } from '../hub-limits.js';
import { createLoginThrottle, type LoginThrottleLimits } from './login-throttle.js';
import { BUILT_RENDERER } from '../board/board-pages.js';
import { answerFailuresAsRefusals, type HubHandlers, HubHttpError, JsonText, registerHubRoutes } from './hub-routes.js';

const passwordChecksBusy = () => {
  const retry = LOGIN_LIMITS.busyRetryAfterSeconds;
  return new HubHttpError('busy', `the hub is checking too many passwords at once; try again in ${retry} s`, retry);
};

export interface HubDeps {
  config: HubConfig;
  db: Pick<HubDb, 'ping' | 'pullPage' | 'write'>;
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


export function createHubApp({ config, db, accounts, changes, board, presence, log, boardPages = BUILT_RENDERER, timeouts = HUB_TIMEOUTS, loginThrottle = LOGIN_LIMITS }: HubDeps): FastifyInstance {
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

  const throttle = createLoginThrottle(loginThrottle);
  // Every scrypt run (a login's check, an admin's new agent) takes a place here: see LOGIN_LIMITS.
  const passwordChecks = createFairQueue(LOGIN_LIMITS.passwordChecks);

  answerFailuresAsRefusals(app, log, (err) => (err instanceof QueueFullError ? passwordChecksBusy() : err));

  const handlers: HubHandlers = {
    async health() {
      await db.ping();
      return { ok: true };
    },

    async login({ body: { username, password } }, { ip }) {
      const refused = throttle.take(ip, username);
      if (refused) {
        const whose = refused.by === 'address' ? 'from this address' : `for "${username}"`;
        throw new HubHttpError('too_many_attempts', `too many failed logins ${whose}; try again in ${refused.retryAfterSeconds} s`, refused.retryAfterSeconds);
      }
      const session = await passwordChecks.run(ip, () => accounts.login(username, password)).catch((err: unknown) => {
        // A password never checked was no attempt.
        if (err instanceof QueueFullError) throttle.giveBack(ip, username);
        throw err;
      });
      if (!session) {
        log.warn({ username, remote: ip }, 'login refused');
        throw new HubHttpError('bad_credentials', 'wrong username or password');
      }
      throttle.giveBack(ip, username);
      log.info({ agent: session.agent.id }, 'logged in');
      return session;
    },

    async logout(_input, { sessionToken }) {
      await accounts.logout(sessionToken);
    },

    // PostgreSQL writes the page's JSON itself: passed through, never parsed here.
    async pull({ query }) {
      return new JsonText<PullPage>(await db.pullPage(query));
    },

    async push({ body: { mutations } }, { agent }) {
      return { results: await applyMutations(db, agent, mutations, log) };
    },

    nudges(socket, { agent }, send) {
      presence.opened(agent);
      const unsubscribe = changes.subscribe((payload) => {
        const version = Number(payload);
        if (Number.isSafeInteger(version) && version > 0) send({ type: 'changes', version });
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
    },

    async agentState({ body: report }, { agent }) {
      await board.record([{ kind: 'agent', agentId: agent.id, name: agent.name, report }]);
    },

    async boardEvents({ body: { inputs } }) {
      await board.record(inputs);
      return { accepted: inputs.length };
    },

    async board() {
      return board.snapshot();
    },

    boardLive(socket, _caller, send) {
      send({ type: 'snapshot', snapshot: board.snapshot() });
      const unsubscribe = board.subscribe(send);
      socket.on('close', unsubscribe);
      socket.on('error', (err) => log.warn({ err }, 'board socket error'));
    },

    async listAgents() {
      return accounts.listAgents();
    },

    async createAgent({ body: input }, { ip, agent: by }) {
      try {
        const agent = await passwordChecks.run(ip, () => accounts.createAgent(input));
        log.info({ agent: agent.id, role: agent.role, by: by.id }, 'agent created');
        return agent;
      } catch (err) {
        if (err instanceof AgentExistsError) throw new HubHttpError('conflict', err.message);
        throw err;
      }
    },
  };

  app.register(async (scope) => {
    await scope.register(fastifyWebsocket, {
      options: { maxPayload: 1024, handleProtocols: (protocols) => (protocols.has(BOARD_PROTOCOL) ? BOARD_PROTOCOL : false) },
    });
    registerHubRoutes(scope, { requests: hubRequests, sockets: hubSockets, handlers, agentForToken: (token) => accounts.agentForToken(token) });
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
