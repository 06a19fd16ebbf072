/** The hub's structured log: JSON lines on stdout for the service manager to keep; secrets redacted by path. */
import { pino, type Logger } from 'pino';
import { secretLogPaths } from '../shared/secrets.js';

export function createHubLogger(level: string): Logger {
  return pino({
    level,
    // The database URL may carry the database password.
    redact: { paths: [...secretLogPaths(), 'database.url', '*.database.url'], censor: '[redacted]' },
  });
}
