/**
 * The last line of defence, not the fix: an error nobody caught is logged with its stack
 * and the desk goes on answering calls. Every bug this catches is still a bug to fix where
 * it was thrown (a listener's framing, a parser's bound); the guard only keeps one of them
 * from taking a shift's calls down with it.
 *
 * Why carrying on is safe here: every store write is one synchronous SQLite transaction
 * (better-sqlite3), so an error thrown from an event callback arrives between
 * transactions, never inside one, and the file is as consistent as after a crash; the
 * call tracker changes a call in one synchronous step, so no call is left half-moved.
 */
import type { Logger } from './log.js';

/** Errors logged in full per minute; beyond that only a count, so a loop of errors cannot fill the disk. */
export const GUARD_LOG_LIMIT_PER_MINUTE = 20;

export interface ProcessGuard {
  /** How many errors were caught since the guard started. */
  caught(): number;
  remove(): void;
}

export function guardProcess(log: Logger, now: () => number = Date.now): ProcessGuard {
  let caught = 0;
  let windowStart = now();
  let inWindow = 0;
  let suppressed = 0;

  const record = (kind: 'uncaughtException' | 'unhandledRejection', reason: unknown) => {
    caught += 1;
    if (now() - windowStart >= 60_000) {
      if (suppressed > 0) log.error({ suppressed }, 'more uncaught errors in the last minute were not logged in full');
      windowStart = now();
      inWindow = 0;
      suppressed = 0;
    }
    inWindow += 1;
    if (inWindow > GUARD_LOG_LIMIT_PER_MINUTE) {
      suppressed += 1;
      return;
    }
    const err = reason instanceof Error ? reason : new Error(`non-error value thrown: ${String(reason)}`);
    log.error({ err, kind }, 'an uncaught error reached the process guard; the desk keeps running');
  };
  const onException = (err: unknown) => record('uncaughtException', err);
  const onRejection = (reason: unknown) => record('unhandledRejection', reason);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return {
    caught: () => caught,
    remove() {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    },
  };
}
