/**
 * The generic JSON bridge: any PBX, CRM webhook or script that can send HTTP or a
 * WebSocket frame can ring the desk. Each event is checked against CallEventSchema;
 * a bad one is answered with what is wrong, logged, and goes no further.
 * The protocol is documented in docs/bridge-protocol.md.
 */
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { bearerToken } from '../../../shared/bearer-token.js';
import { CallEventSchema } from '../../../shared/call.js';
import { describeIssues } from '../../../shared/zod-issues.js';
import { isLoopbackHost, refuseForeignHosts } from '../host/allowed-hosts.js';
import { sameSecret } from '../host/same-secret.js';
import { capConnections, type ListenerLimits, sendOrDropSlowClient, serverOptionsFor } from '../host/listener-limits.js';
import type { Logger } from '../log.js';
import type { CallEventSink, TelephonyAdapter } from './adapter.js';

export const CALL_EVENTS_PATH = '/v1/call-events';
export const CALL_EVENTS_SOCKET_PATH = '/v1/call-events/ws';

/** A call event is a few hundred bytes; anything near this is not one. */
const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/**
 * A PBX or webhook relay sends a small body at once and reads each reply: a few seconds
 * is plenty, and a few dozen connections cover a relay that posts in parallel.
 */
const BRIDGE_LIMITS: ListenerLimits = { requestTimeoutMs: 10_000, headersTimeoutMs: 5_000, idleTimeoutMs: 60_000, maxConnections: 64, maxSendQueueBytes: 1 << 20 };

export interface JsonBridgeOptions {
  host: string;
  port: number;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token: string | null;
  log: Logger;
  maxBodyBytes?: number;
  /** Tests make them small. */
  limits?: Partial<ListenerLimits>;
}

export type JsonBridge = TelephonyAdapter & { address(): { host: string; port: number } };

type Verdict = { status: 202; body: { accepted: true; callId: string } } | { status: 400; body: { error: string } };

export function createJsonBridge({ host, port, token, log, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, limits: overrides }: JsonBridgeOptions): JsonBridge {
  const limits = { ...BRIDGE_LIMITS, ...overrides };
  const app = Fastify({ logger: false, bodyLimit: maxBodyBytes, ...serverOptionsFor(limits) });
  // fastify parses text/plain as a string by default; a call event is JSON and nothing else (415).
  app.removeContentTypeParser('text/plain');
  refuseForeignHosts(app, { bindHost: host, log });
  capConnections(app, limits, log);
  let sink: CallEventSink | null = null;
  let boundPort = port;

  /** Validates one event and hands it on; the same verdict for HTTP and WebSocket. */
  function accept(json: unknown, via: string): Verdict {
    const parsed = CallEventSchema.safeParse(json);
    if (!parsed.success) {
      const error = `not a call event: ${describeIssues(parsed.error)}`;
      log.warn({ via, reason: error }, 'call event rejected');
      return { status: 400, body: { error } };
    }
    sink?.(parsed.data);
    return { status: 202, body: { accepted: true, callId: parsed.data.callId } };
  }

  function authorised(request: FastifyRequest): boolean {
    if (token === null) return true;
    const query = request.query as { token?: unknown };
    const offered = bearerToken(request.headers.authorization) ?? (typeof query.token === 'string' ? query.token : null);
    return sameSecret(offered, token);
  }

  async function refuseUnauthorised(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (authorised(request)) return;
    log.warn({ url: request.url.split('?')[0], remote: request.ip }, 'call event refused: missing or wrong bridge token');
    await reply.code(401).send({ error: 'missing or wrong bridge token: send Authorization: Bearer <token>' });
  }

  app.setErrorHandler(async (err: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    const error =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `body larger than ${maxBodyBytes} bytes; send one call event per request`
        : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'send the call event as JSON with content-type: application/json'
          : status === 500
            ? 'the bridge failed to take this event'
            : `not valid JSON: ${err.message}`;
    if (status === 500) log.error({ err, url: request.url }, 'json bridge failed');
    else log.warn({ status, reason: error, remote: request.ip }, 'call event rejected');
    await reply.code(status).send({ error });
  });

  /** Browsers send Origin; a PBX does not. Only a page served from this machine may talk to the bridge. */
  async function refuseForeignOrigin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const origin = request.headers.origin;
    if (origin === undefined || isLoopbackOrigin(origin)) return;
    log.warn({ origin }, 'call event refused: foreign origin');
    await reply.code(403).send({ error: 'browser pages from other origins may not send call events' });
  }

  app.register(async (scope) => {
    await scope.register(fastifyWebsocket, { options: { maxPayload: maxBodyBytes } });

    scope.get('/v1/health', async () => ({ ok: true }));

    scope.post(CALL_EVENTS_PATH, { onRequest: refuseForeignOrigin, preHandler: refuseUnauthorised }, async (request, reply) => {
      const verdict = accept(request.body, 'http');
      return reply.code(verdict.status).send(verdict.body);
    });

    scope.get(
      CALL_EVENTS_SOCKET_PATH,
      {
        websocket: true,
        // WebSockets ignore CORS: a web page in the operator's browser must not be able to ring the desk.
        onRequest: refuseForeignOrigin,
        preValidation: refuseUnauthorised,
      },
      (socket: WebSocket) => {
        socket.on('error', (err) => log.warn({ err }, 'call event socket error'));
        socket.on('message', (data, isBinary) => {
          let verdict: Verdict;
          if (isBinary) verdict = { status: 400, body: { error: 'binary frames are not call events; send JSON text' } };
          else {
            try {
              verdict = accept(JSON.parse(data.toString()), 'websocket');
            } catch (err) {
              log.warn({ via: 'websocket', reason: (err as Error).message }, 'call event rejected');
              verdict = { status: 400, body: { error: `not valid JSON: ${(err as Error).message}` } };
            }
          }
          sendOrDropSlowClient(socket, JSON.stringify(verdict.body), limits, log);
        });
      },
    );
  });

  return {
    name: 'json-bridge',
    async start(eventSink) {
      sink = eventSink;
      await app.listen({ host, port });
      const address = app.server.address();
      boundPort = typeof address === 'object' && address ? address.port : port;
      log.info({ host, port: boundPort, tokenRequired: token !== null }, 'json bridge listening');
      if (!isLoopbackHost(host)) log.warn({ host, port: boundPort }, 'the json bridge listens beyond loopback: only requests with the bridge token are taken; let only the PBX through the firewall');
    },
    async stop() {
      sink = null;
      await app.close();
    },
    address: () => ({ host, port: boundPort }),
  };
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    return isLoopbackHost(new URL(origin).hostname);
  } catch {
    return false;
  }
}
