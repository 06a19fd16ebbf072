/**
 * The browser host: serves the renderer and the desk API over a WebSocket on
 * loopback, so a wallboard browser or an end-to-end test drives the very UI the
 * Electron window shows.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import { createDeskDispatcher, DESK_SOCKET_PATH } from '../../../shared/desk-wire.js';
import type { Desk } from '../desk/desk.js';
import type { Logger } from '../log.js';
import { attachDeskSocket } from './desk-socket.js';

/** Mirrors the renderer's meta CSP; sent as a header too because a header also covers frame-ancestors. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A desk request is small; a bigger frame is a bug or an attack. */
const MAX_FRAME_BYTES = 256 * 1024;

export interface BrowserHostOptions {
  desk: Desk;
  rendererDir: string;
  host: string;
  port: number;
  log: Logger;
}

export async function startBrowserHost({ desk, rendererDir, host, port, log }: BrowserHostOptions) {
  if (!existsSync(`${rendererDir}/index.html`)) {
    throw new Error(`${rendererDir}/index.html is missing: build the renderer first (npm run build:renderer)`);
  }
  const app = Fastify({ logger: false });
  const dispatch = createDeskDispatcher(desk.handlers, (name, err) => log.error({ err, request: name }, 'desk request failed'));

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES } });
  await app.register(fastifyStatic, { root: rendererDir });

  app.get(DESK_SOCKET_PATH, {
    websocket: true,
    // WebSockets ignore CORS: without this any web page the operator opens could drive the desk.
    preValidation: async (request, reply) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !isOwnOrigin(origin, request.headers.host)) {
        log.warn({ origin }, 'desk socket refused: foreign origin');
        await reply.code(403).send({ error: 'this desk only accepts its own pages' });
      }
    },
  }, (socket) => attachDeskSocket(socket, { dispatch, subscribe: desk.subscribe, log }));

  const url = await app.listen({ host, port });
  log.info({ url }, 'browser host listening');
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://${host}:${boundPort}/`, port: boundPort, close: () => app.close() };
}

function isOwnOrigin(origin: string, hostHeader: string | undefined): boolean {
  try {
    return hostHeader !== undefined && new URL(origin).host === hostHeader;
  } catch {
    return false;
  }
}
