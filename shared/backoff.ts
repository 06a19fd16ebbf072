/**
 * How long to wait before the next attempt after a failure: exponential, capped, with full
 * jitter (a uniform draw between none and the exponential ceiling). Without the jitter
 * every desk that lost the hub at the same instant retries at the same instants, and a hub
 * that restarts meets its whole floor at once, again and again.
 *
 *   const retry = createBackoff({ firstMs: 500, maxMs: 10_000 });
 *   socket.on('close', () => setTimeout(connect, retry.next()));
 *   socket.on('open', () => retry.reset());
 */
export interface BackoffBounds {
  /** The ceiling of the first wait; each failure after it doubles the ceiling. */
  readonly firstMs: number;
  /** No wait is ever longer than this. */
  readonly maxMs: number;
}

export interface Backoff {
  /** The wait before the next attempt; each call counts one more failure. */
  next(): number;
  /** The last attempt worked: the next failure waits as little as the first. */
  reset(): void;
}

export function createBackoff(bounds: BackoffBounds, random: () => number = Math.random): Backoff {
  let failures = 0;
  return {
    next() {
      const ceiling = Math.min(bounds.maxMs, bounds.firstMs * 2 ** failures);
      if (ceiling < bounds.maxMs) failures += 1;
      return Math.round(random() * ceiling);
    },
    reset() {
      failures = 0;
    },
  };
}
