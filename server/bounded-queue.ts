/**
 * Runs at most `running` jobs at once and holds at most `waiting` more; a job beyond
 * that is refused at once with QueueFullError. A flood then costs its sender a fast
 * refusal, instead of costing everyone else a slow answer behind it. For example,
 * `const checks = createBoundedQueue({ running: 2, waiting: 16 })` and then
 * `await checks.run(() => verifyPassword(password, hash))`: the third to the
 * eighteenth check at once wait their turn, the nineteenth is refused.
 */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
}

export interface QueueBounds {
  running: number;
  waiting: number;
}

export function createBoundedQueue({ running, waiting }: QueueBounds) {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async run<T>(job: () => Promise<T>): Promise<T> {
      if (active < running) active++;
      else if (queue.length < waiting) await new Promise<void>((resolve) => queue.push(resolve));
      else throw new QueueFullError(`${running} running and ${waiting} waiting already`);
      try {
        return await job();
      } finally {
        // The slot passes straight to the next job waiting, so none can overtake it.
        const next = queue.shift();
        if (next) next();
        else active--;
      }
    },
  };
}
export type BoundedQueue = ReturnType<typeof createBoundedQueue>;
