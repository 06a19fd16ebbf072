import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GUARD_LOG_LIMIT_PER_MINUTE } from '../../../../electron/services/process-guard.js';

function runFixture() {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/process-guard/throws.ts'], { encoding: 'utf8', timeout: 30_000 });
  const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: run.status, lines };
}

describe('the process guard', () => {
  it('keeps the process running after an uncaught exception and an unhandled rejection', () => {
    const { status, lines } = runFixture();
    expect(status).toBe(0);
    expect(lines.at(-1)).toEqual({ alive: true, caught: 32 });
  });

  it('logs each caught error with its stack, and only a bounded number of them a minute', () => {
    const { lines } = runFixture();
    const logged = lines.filter((line) => line.kind !== undefined);
    expect(logged).toHaveLength(GUARD_LOG_LIMIT_PER_MINUTE);
    const first = logged.find((line) => line.kind === 'uncaughtException') as { err: { stack: string } };
    expect(first.err.stack).toContain('thrown from a timer callback');
    expect(first.err.stack).toContain('throws.ts');
    expect(logged.some((line) => line.kind === 'unhandledRejection')).toBe(true);
  });
});
