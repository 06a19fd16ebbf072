/**
 * How long a listener gives one peer to send its request. Node's and fastify's defaults
 * wait for a slow body forever, so a few hundred slow peers hold a listener's sockets
 * for as long as they like. Every listener (the desk's and the hub's) declares its own
 * values; what they turn into for a Node HTTP server is derived here, once.
 */
export interface ListenerTimeouts {
  /** The whole request, headers and body, must arrive within this (Node answers 408). */
  requestTimeoutMs: number;
  /** The headers alone must arrive within this; a slowloris never ends them. */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  idleTimeoutMs: number;
}

/** The fastify server options that carry the timeouts; Node checks them every so often, so the check runs often enough to matter. */
export function serverTimeoutsFor(timeouts: ListenerTimeouts) {
  return {
    requestTimeout: timeouts.requestTimeoutMs,
    connectionTimeout: timeouts.idleTimeoutMs,
    keepAliveTimeout: Math.min(timeouts.idleTimeoutMs, 5_000),
    http: {
      headersTimeout: Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs),
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersTimeoutMs / 4))),
    },
  };
}
