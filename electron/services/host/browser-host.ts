/**
 * The browser host: serves the renderer and the desk API over a WebSocket on
 * loopback, so a wallboard browser or an end-to-end test drives the very UI the
 * Electron window shows. Only its own names are answered (allowed-hosts.ts), and the
 * socket takes only a client that offers the per-run secret from the served page.
 */
import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyReply } from 'fastify';
import { RENDERER_CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy.js';
import { createDeskDispatcher, DESK_SOCKET_PATH, DESK_SOCKET_PROTOCOL, secretFromProtocols } from '../../../shared/desk-wire.js';
import type { Desk } from '../desk/desk.js';
import type { Logger } from '../log.js';
import { isLoopbackHost, refuseForeignHosts, urlHostFor } from './allowed-hosts.js';
import { attachDeskSocket } from './desk-socket.js';
import { capConnections, type ListenerLimits, serverOptionsFor } from './listener-limits.js';
import { sameSecret } from './same-secret.js';
import { createSocketSecret, pageWithSecret } from './socket-secret.js';


/** A desk request is small; a bigger frame is a bug or an attack. */
const MAX_FRAME_BYTES = 256 * 1024;

/**
 * A browser loads the page and its assets and holds one socket per tab. The send queue
 * holds a few full desk states (each a few hundred KiB with the live cards bounded).
 */
const HOST_LIMITS: ListenerLimits = { requestTimeoutMs: 15_000, headersTimeoutMs: 10_000, idleTimeoutMs: 60_000, maxConnections: 32, maxSendQueueBytes: 8 << 20 };

export interface BrowserHostOptions {
  desk: Desk;
  rendererDir: string;
  host: string;
  port: number;
  log: Logger;
  /** Tests make them small. */
  limits?: Partial<ListenerLimits>;
}

export async function startBrowserHost({ desk, rendererDir, host, port, log, limits: overrides }: BrowserHostOptions) {
  const indexFile = `${rendererDir}/index.html`;
  if (!existsSync(indexFile)) {
    throw new Error(`${rendererDir}/index.html is missing: build the renderer first (npm run build:renderer)`);
  }
  const limits = { ...HOST_LIMITS, ...overrides };
  const secret = createSocketSecret();
  const page = pageWithSecret(readFileSync(indexFile, 'utf8'), secret);
  const app = Fastify({ logger: false, ...serverOptionsFor(limits) });
  const dispatch = createDeskDispatcher(desk.handlers, (name, err) => log.error({ err, request: name }, 'desk request failed'));
  refuseForeignHosts(app, { bindHost: host, log });
  capConnections(app, limits, log);

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', RENDERER_CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });
  await app.register(fastifyWebsocket, {
    options: { maxPayload: MAX_FRAME_BYTES, handleProtocols: (offered) => (offered.has(DESK_SOCKET_PROTOCOL) ? DESK_SOCKET_PROTOCOL : false) },
  });
  // The page carries this run's secret: served from memory, and kept by no cache.
  const sendPage = (reply: FastifyReply) => reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page);
  app.get('/', async (_request, reply) => sendPage(reply));
  app.get('/index.html', async (_request, reply) => sendPage(reply));
  await app.register(fastifyStatic, { root: rendererDir, index: false });

  app.get(DESK_SOCKET_PATH, {
    websocket: true,
    preValidation: async (request, reply) => {
      // WebSockets ignore CORS: without this any web page the operator opens could drive the desk.
      const origin = request.headers.origin;
      if (origin !== undefined && !isOwnOrigin(origin, request.headers.host)) {
        log.warn({ origin }, 'desk socket refused: foreign origin');
        return reply.code(403).send({ error: 'this desk only accepts its own pages' });
      }
      if (!sameSecret(secretFromProtocols(request.headers['sec-websocket-protocol']), secret)) {
        log.warn({ remote: request.ip }, 'desk socket refused: missing or wrong secret');
        return reply.code(401).send({ error: 'open the desk from the page its host serves; it carries the socket’s secret' });
      }
    },
  }, (socket) => attachDeskSocket(socket, { dispatch, subscribe: desk.subscribe, log, limits }));

  const url = await app.listen({ host, port });
  log.info({ url }, 'browser host listening');
  if (!isLoopbackHost(host)) {
    log.warn({ host }, 'the browser host serves the network beyond loopback (host.allowNetwork): anyone who can reach its port can load the desk’s page and use the desk');
  }
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://${urlHostFor(host)}:${boundPort}/`, port: boundPort, close: () => app.close() };
}

function isOwnOrigin(origin: string, hostHeader: string | undefined): boolean {
  try {
    return hostHeader !== undefined && new URL(origin).host === hostHeader;
  } catch {
    return false;
  }
}
