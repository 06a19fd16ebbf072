/**
 * The desk's structured log (pino): one JSON line per record, secrets redacted by path.
 * With a folder it writes desk.log there and rotates it (10 MiB or a day, seven old
 * files kept), so a desk that runs for months never fills its disk and IT finds a week
 * of history in the diagnostics archive.
 */
import { mkdirSync } from 'node:fs';
import { pino, type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';
import { secretLogPaths } from '../../shared/secrets.js';

export type { Logger };

export const LOG_FILE = 'desk.log';

export interface LogOptions {
  level?: string;
  /** The folder for desk.log and its rotated copies; without one the log goes to stdout. */
  logDir?: string;
  /** Rotation limits; the defaults suit a desk, tests make them small. */
  rotation?: { size: `${number}${'K' | 'M'}`; keep: number };
}

export function createLogger({ level, logDir, rotation = { size: '10M', keep: 7 } }: LogOptions = {}): Logger {
  const options = {
    level: level ?? process.env.AGENT_DESK_LOG_LEVEL ?? 'info',
    redact: { paths: secretLogPaths(), censor: '[redacted]' },
  };
  if (!logDir) return pino(options);
  mkdirSync(logDir, { recursive: true });
  return pino(options, createStream(LOG_FILE, { path: logDir, size: rotation.size, interval: '1d', rotate: rotation.keep }));
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = pino({ level: 'silent' });
