import { describe, expect, it } from 'vitest';
import { createThrottler } from '../../../shared/throttler.js';

/** A task whose runs each wait to be let go, counting how many ran and the most that ran at once. */
function gatedTask() {
  const gates: (() => void)[] = [];
  const fails: boolean[] = [];
  const seen = { runs: 0, running: 0, mostAtOnce: 0 };
  const task = async () => {
    seen.runs += 1;
    seen.running += 1;
    seen.mostAtOnce = Math.max(seen.mostAtOnce, seen.running);
    const fail = fails.shift() ?? false;
    await new Promise<void>((resolve) => gates.push(resolve));
    seen.running -= 1;
    if (fail) throw new Error('this run failed');
  };
  /** Lets the oldest waiting run finish, once it has started. */
  const finishOne = async () => {
    await expect.poll(() => gates.length).toBeGreaterThan(0);
    gates.shift()!();
  };
  return { task, seen, fails, finishOne };
}

describe('throttler', () => {
  it('runs the task at once when it is idle', async () => {
    const { task, seen, finishOne } = gatedTask();
    const done = createThrottler(task).run();
    expect(seen.runs).toBe(1);
    await finishOne();
    await done;
  });

  it('coalesces every call during a run into exactly one more run after it, which they all settle with', async () => {
    const { task, seen, finishOne } = gatedTask();
    const throttler = createThrottler(task);
    const first = throttler.run();
    const during = [throttler.run(), throttler.run(), throttler.run()];
    expect(during[1]).toBe(during[0]);
    expect(during[2]).toBe(during[0]);
    await finishOne();
    await first;
    await expect.poll(() => seen.runs).toBe(2);
    await finishOne();
    await Promise.all(during);
    expect(seen).toEqual({ runs: 2, running: 0, mostAtOnce: 1 });
  });

  it('never runs twice at once, even for a call made as a run ends and before the queued one starts', async () => {
    const { task, seen, finishOne } = gatedTask();
    const throttler = createThrottler(task);
    const first = throttler.run();
    const queued = throttler.run();
    const atTheEnd = first.then(() => throttler.run());
    await finishOne();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toMatchObject({ runs: 2, mostAtOnce: 1 });
    await finishOne();
    await Promise.all([queued, atTheEnd]);
    expect(seen).toEqual({ runs: 2, running: 0, mostAtOnce: 1 });
  });

  it('still runs the queued run after a run that failed, and hands the failure only to that run’s callers', async () => {
    const { task, seen, fails, finishOne } = gatedTask();
    fails.push(true);
    const throttler = createThrottler(task);
    const first = throttler.run();
    const queued = throttler.run();
    await finishOne();
    await expect(first).rejects.toThrow('this run failed');
    await finishOne();
    await expect(queued).resolves.toBeUndefined();
    expect(seen.runs).toBe(2);
  });

  it('is idle only once the queued run has ended too', async () => {
    const { task, finishOne } = gatedTask();
    const throttler = createThrottler(task);
    void throttler.run();
    void throttler.run();
    let idle = false;
    const whenIdle = throttler.whenIdle().then(() => (idle = true));
    await finishOne();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    await finishOne();
    await whenIdle;
    expect(idle).toBe(true);
  });
});
