/**
 * Runs one task at most once at a time, and never drops a request for it: a request while
 * it runs is kept as exactly one more run after it, however many came (VS Code's Throttler,
 * src/vs/base/common/async.ts, for one task). What a sync needs: a write during a sync must
 * be sent, but ten writes during one sync need one more sync, not ten.
 *
 *   const sync = createThrottler(cycle);
 *   sync.run();  // t=0: cycle 1 starts
 *   sync.run();  // t=1: cycle 1 still runs; cycle 2 is queued
 *   sync.run();  // t=2: joins cycle 2, already queued
 *                // t=5: cycle 1 ends, cycle 2 starts; the calls at t=1 and t=2 resolve when it ends
 */
export interface Throttler {
  /** Runs the task now when it is idle; otherwise queues one run after the current one, joined by every call until it starts, and settles with that run. */
  run(): Promise<void>;
  /** Resolves once no run is under way or queued. */
  whenIdle(): Promise<void>;
}

export function createThrottler(task: () => Promise<void>): Throttler {
  let active: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  function start(): Promise<void> {
    const run = task().finally(() => {
      if (active === run) active = null;
    });
    active = run;
    return run;
  }

  return {
    run() {
      if (!active && !queued) return start();
      // After the active run however it ended: a failed run does not cancel the next.
      queued ??= active!
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return start();
        });
      return queued;
    },
    async whenIdle() {
      while (active || queued) await (queued ?? active)!.catch(() => undefined);
    },
  };
}
