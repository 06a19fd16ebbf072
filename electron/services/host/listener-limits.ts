/**
 * What a desk listener gives one peer: time to send its request (shared/listener-timeouts.ts),
 * connections at once, bytes waiting to be sent to a WebSocket client. fastify's defaults
 * queue for a client that never reads without end; a desk that runs all week must not.
 * Each listener declares its values; the mechanism is here.
 */
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { type ListenerTimeouts, serverTimeoutsFor } from '../../../shared/listener-timeouts.js';
import type { Logger } from '../log.js';

export interface ListenerLimits extends ListenerTimeouts {
  /** Connections at once; more are closed as they arrive. */
  maxConnections: number;
  /** A WebSocket client with this much unsent data waiting for it is dropped. */
  maxSendQueueBytes: number;
}

export const serverOptionsFor = (limits: ListenerLimits) => serverTimeoutsFor(limits);

/** Caps the listener's connections, logging each one it turns away. */
export function capConnections(app: FastifyInstance, limits: ListenerLimits, log: Logger): void {
  app.server.maxConnections = limits.maxConnections;
  app.server.on('drop', (peer) => log.warn({ remote: peer?.remoteAddress ?? null, limit: limits.maxConnections }, 'connection refused: too many connections'));
}

/**
 * Sends one frame unless the client already has `maxSendQueueBytes` waiting for it, in
 * which case it is dropped with a log line: a client that does not read must not make
 * the desk hold everything it would have sent. Returns whether the frame went out.
 */
export function sendOrDropSlowClient(socket: WebSocket, frame: string, limits: Pick<ListenerLimits, 'maxSendQueueBytes'>, log: Logger): boolean {
  if (socket.readyState !== socket.OPEN) return false;
  if (socket.bufferedAmount >= limits.maxSendQueueBytes) {
    log.warn({ queuedBytes: socket.bufferedAmount, limit: limits.maxSendQueueBytes }, 'socket dropped: its client does not read what it is sent');
    socket.terminate();
    return false;
  }
  socket.send(frame);
  return true;
}
