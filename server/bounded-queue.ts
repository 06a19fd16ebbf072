/**
 * Runs at most `running` jobs at once and holds at most `waiting` more; a job beyond
 * that is refused at once with QueueFullError. A flood then costs its sender a fast
 * refusal, instead of costing everyone else a slow answer behind it. Waiting jobs take
 * their turn by key (the client's address), the key served longest ago first, so one
 * client with many jobs queued does not stand in front of everyone else's single one.
 *
 * For example, with `const checks = createFairQueue({ running: 1, waiting: 3 })`:
 * A sends three jobs and B one; A's first runs, then B's, then A's other two, and a
 * fifth job while those wait is refused.
 */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
}

export interface QueueBounds {
  running: number;
  waiting: number;
}

export function createFairQueue({ running, waiting }: QueueBounds) {
  let active = 0;
  let queued = 0;
  let turn = 0;
  /** Only keys with a job running or waiting: at most running + waiting of them. */
  const keys = new Map<string, { running: number; waiters: (() => void)[]; servedAt: number }>();
  const start = (entry: { running: number; servedAt: number }) => {
    entry.running++;
    entry.servedAt = ++turn;
  };
  const forgetIdle = (key: string) => {
    const entry = keys.get(key);
    if (entry && entry.running === 0 && entry.waiters.length === 0) keys.delete(key);
  };
  /** The slot passes straight to the waiting key served longest ago, so none can overtake it. */
  const wakeNext = () => {
    let next: { running: number; waiters: (() => void)[]; servedAt: number } | undefined;
    for (const entry of keys.values()) if (entry.waiters.length > 0 && (!next || entry.servedAt < next.servedAt)) next = entry;
    if (!next) return false;
    queued--;
    start(next);
    next.waiters.shift()!();
    return true;
  };
  return {
    async run<T>(key: string, job: () => Promise<T>): Promise<T> {
      const entry = keys.get(key) ?? { running: 0, waiters: [], servedAt: 0 };
      keys.set(key, entry);
      if (active < running) {
        active++;
        start(entry);
      } else if (queued < waiting) {
        queued++;
        await new Promise<void>((resolve) => entry.waiters.push(resolve));
      } else {
        forgetIdle(key);
        throw new QueueFullError(`${running} running and ${waiting} waiting already`);
      }
      try {
        return await job();
      } finally {
        entry.running--;
        forgetIdle(key);
        if (!wakeNext()) active--;
      }
    },
  };
}
export type FairQueue = ReturnType<typeof createFairQueue>;
