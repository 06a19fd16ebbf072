import { describe, expect, it } from 'vitest';
import { createFairQueue, QueueFullError } from '../../../server/bounded-queue.js';

/** A job that finishes when the test says so, recording when it started. */
function gate(started: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { job: () => (started.push(name), done), open };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a fair bounded queue', () => {
  it('runs the waiting jobs round-robin by key, so one key’s pile does not hold up another key’s job', async () => {
    const queue = createFairQueue({ running: 1, waiting: 4 });
    const started: string[] = [];
    const gates = ['a1', 'a2', 'a3', 'b1'].map((name) => gate(started, name));
    const runs = gates.map((g, n) => queue.run(n < 3 ? 'a' : 'b', g.job));
    for (const g of [gates[0]!, gates[3]!, gates[1]!, gates[2]!]) {
      await settle();
      g.open();
    }
    await Promise.all(runs);
    expect(started).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it('refuses a job at once when as many as it holds are running and waiting', async () => {
    const queue = createFairQueue({ running: 2, waiting: 1 });
    const started: string[] = [];
    const gates = [1, 2, 3].map((n) => gate(started, `job${n}`));
    const runs = gates.map((g, n) => queue.run(`k${n}`, g.job));
    await expect(queue.run('k9', async () => 'never')).rejects.toBeInstanceOf(QueueFullError);
    for (const g of gates) g.open();
    await Promise.all(runs);
    expect(started).toEqual(['job1', 'job2', 'job3']);
    expect(await queue.run('k9', async () => 'now it runs')).toBe('now it runs');
  });
});
