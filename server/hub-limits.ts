/**
 * What the hub gives one peer, declared once: how big a request may be, how long it
 * may take to arrive, how many passwords it may try. Desks sit on branch-office links,
 * so the figures allow a slow line, not a peer that never finishes.
 */
import type { ListenerTimeouts } from '../shared/listener-timeouts.js';

/** 500 notes of 10,000 characters fit; a body near this is not a desk's push. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export const HUB_TIMEOUTS: ListenerTimeouts = {
  /** A full MAX_BODY_BYTES push over a 2 Mbit/s line takes about 34 s. */
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 15_000,
  /** A connection silent this long is closed; an idle keep-alive one after 5 s (serverTimeoutsFor). */
  idleTimeoutMs: 75_000,
};

/**
 * Password guesses, and the scrypt work they cost (tens of milliseconds and 32 MiB
 * each, on libuv's four threads that file reads and DNS need too). At most `running`
 * checks run at once, so the threads and cores are never all scrypt's, and at most
 * `waiting` more queue; beyond that a login is answered 503 with Retry-After at once.
 * An address's burst is above the queue's whole capacity, so logins from one NAT
 * address that all succeed never reach its budget.
 */
export const LOGIN_LIMITS = {
  passwordChecks: { running: 2, waiting: 16 },
  perAddress: { burst: 30, perMinute: 10 },
  perUsername: { burst: 10, perMinute: 5 },
  trackedKeys: 10_000,
  /** A full queue drains in well under a second at tens of milliseconds per check. */
  busyRetryAfterSeconds: 1,
} as const;
