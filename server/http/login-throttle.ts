/**
 * How many password guesses the hub takes: a budget of attempts per address and per
 * username, each refilled at a steady rate (a token bucket). A login spends one from
 * both before its password is checked and gets it back when the password is right, so
 * only wrong passwords use a budget up; agents behind one NAT address logging in at
 * the start of a shift do not. The buckets live in memory, at most `trackedKeys` of
 * each kind, the least recently used forgotten first: a full bucket is no different
 * from none, and a flood of made-up usernames cannot grow the hub without bound.
 */
export interface AttemptBudget {
  /** Attempts at once before any wait. */
  burst: number;
  /** Attempts given back per minute. */
  perMinute: number;
}

export interface LoginThrottleLimits {
  perAddress: AttemptBudget;
  perUsername: AttemptBudget;
  trackedKeys: number;
}

export interface ThrottleRefusal {
  by: 'address' | 'username';
  retryAfterSeconds: number;
}

function createBuckets({ burst, perMinute }: AttemptBudget, trackedKeys: number, now: () => number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  const current = (key: string) => {
    const bucket = buckets.get(key);
    const t = now();
    const tokens = bucket ? Math.min(burst, bucket.tokens + (t - bucket.at) * perMs) : burst;
    return { tokens, at: t };
  };
  const store = (key: string, bucket: { tokens: number; at: number }) => {
    // Re-inserted so the map's order is least recently used first.
    buckets.delete(key);
    buckets.set(key, bucket);
    for (const oldest of buckets.keys()) {
      if (buckets.size <= trackedKeys) break;
      buckets.delete(oldest);
    }
  };
  return {
    /** Seconds until this key has an attempt to spend; 0 when it has one now. */
    waitFor(key: string): number {
      const { tokens } = current(key);
      return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / perMs / 1_000));
    },
    spend(key: string): void {
      const bucket = current(key);
      store(key, { ...bucket, tokens: bucket.tokens - 1 });
    },
    giveBack(key: string): void {
      const bucket = current(key);
      store(key, { ...bucket, tokens: Math.min(burst, bucket.tokens + 1) });
    },
  };
}

export function createLoginThrottle(limits: LoginThrottleLimits, now: () => number = Date.now) {
  const addresses = createBuckets(limits.perAddress, limits.trackedKeys, now);
  const usernames = createBuckets(limits.perUsername, limits.trackedKeys, now);
  return {
    /** Spends an attempt from both budgets, or spends nothing and says which one is empty and for how long. */
    take(address: string, username: string): ThrottleRefusal | null {
      const byAddress = addresses.waitFor(address);
      if (byAddress > 0) return { by: 'address', retryAfterSeconds: byAddress };
      const byUsername = usernames.waitFor(username);
      if (byUsername > 0) return { by: 'username', retryAfterSeconds: byUsername };
      addresses.spend(address);
      usernames.spend(username);
      return null;
    },
    /** The attempt did not count: the password was right, or it was never checked. */
    giveBack(address: string, username: string): void {
      addresses.giveBack(address);
      usernames.giveBack(username);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
