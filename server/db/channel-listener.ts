/**
 * Fan-out between hub instances through PostgreSQL LISTEN/NOTIFY: whichever hub
 * committed a write, every hub hears of it and tells its own desks and boards. Hubs
 * stay stateless; a lost listener connection is re-opened, and on every (re)connect
 * `catchUp` says what may have been missed meanwhile, so nobody waits for the next write.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import { createBackoff } from '../../shared/backoff.js';

export interface ChannelListener {
  subscribe(listener: (payload: string) => void): () => void;
  close(): Promise<void>;
}

/** Jittered, so the hubs behind a balancer do not all reconnect at the instant a restarted database is back. */
const RETRY = { firstMs: 500, maxMs: 10_000 };

export function listenOnChannel(url: string, channel: string, log: Logger, catchUp: (client: pg.Client) => Promise<string>): ChannelListener {
  const listeners = new Set<(payload: string) => void>();
  const retry = createBackoff(RETRY);
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const publish = (payload: string) => {
    for (const listener of listeners) listener(payload);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => publish(message.payload ?? ''));
    next.on('error', (err) => {
      log.warn({ err, channel }, 'listener lost its database connection; reconnecting');
      void next.end().catch(() => undefined);
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      client = next;
      retry.reset();
      publish(await catchUp(next));
    } catch (err) {
      log.warn({ err, channel }, 'listener cannot connect; retrying');
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
    }, retry.next());
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
