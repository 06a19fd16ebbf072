/**
 * Fan-out between hub instances through PostgreSQL LISTEN/NOTIFY: whichever hub
 * committed a write, every hub hears the new version and nudges its own desks. Hubs
 * stay stateless; a lost listener connection is re-opened, and on reconnect listeners
 * hear the newest version so no desk waits for the next write to catch up.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import { CHANGES_CHANNEL } from '../db/pool.js';

export interface ChangeFeed {
  subscribe(listener: (version: number) => void): () => void;
  close(): Promise<void>;
}

const RETRY_MS = { first: 500, max: 10_000 };

export function listenForChanges(url: string, log: Logger): ChangeFeed {
  const listeners = new Set<(version: number) => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = RETRY_MS.first;
  let timer: NodeJS.Timeout | undefined;

  const publish = (version: number) => {
    for (const listener of listeners) listener(version);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      const version = Number(message.payload);
      if (Number.isSafeInteger(version) && version > 0) publish(version);
    });
    next.on('error', (err) => {
      log.warn({ err }, 'change listener lost its database connection; reconnecting');
      void next.end().catch(() => undefined);
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      client = next;
      retryMs = RETRY_MS.first;
      const { rows } = await next.query<{ v: string }>('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS v FROM change_version');
      const newest = Number(rows[0]?.v ?? 0);
      if (newest > 0) publish(newest);
    } catch (err) {
      log.warn({ err }, 'change listener cannot connect; retrying');
      void next.end().catch(() => undefined);
      schedule();
    }
  }

  function schedule(): void {
    client = null;
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MS.max);
  }

  void connect();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
