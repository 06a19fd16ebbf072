/**
 * What the hub gives one peer, declared once: how big a request may be and how long it
 * may take to arrive. Desks sit on branch-office links, so the figures allow a slow
 * line, not a peer that never finishes.
 */
import type { ListenerTimeouts } from '../../shared/listener-timeouts.js';

/** 500 notes of 10,000 characters fit; a body near this is not a desk's push. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export const HUB_TIMEOUTS: ListenerTimeouts = {
  /** A full MAX_BODY_BYTES push over a 2 Mbit/s line takes about 34 s. */
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 15_000,
  /** Longer than a load balancer's usual 60 s idle time, so the hub is not the side that closes under it. */
  idleTimeoutMs: 75_000,
};
