/** The hub's structured log: JSON lines on stdout for the service manager to keep; secrets redacted by path. */
import { pino, type Logger } from 'pino';

export function createHubLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'database.url'], censor: '[redacted]' },
  });
}
