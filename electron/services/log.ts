/** The desk's structured log (pino): one JSON line per record, secrets redacted by path. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(options: { level?: string; destination?: string } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.AGENT_DESK_LOG_LEVEL ?? 'info',
      redact: {
        paths: ['token', '*.token', '*.*.token', 'password', '*.password', '*.*.*.password', 'secret', '*.secret', '*.*.secret', 'authorization', '*.authorization'],
        censor: '[redacted]',
      },
    },
    options.destination ? pino.destination({ dest: options.destination, mkdir: true, sync: false }) : undefined,
  );
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = pino({ level: 'silent' });
