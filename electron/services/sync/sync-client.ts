/**
 * The desk's link to the hub: when to run a sync cycle (sync-cycle.ts) and what the status
 * bar says of it. Cycles run at start, after every local write, when the hub's nudge
 * socket (nudge-socket.ts) says it is past the cursor, and every minute as a safety net,
 * never two at once; a failed cycle marks the desk offline and retries with backoff, while
 * lookups, pops and notes carry on from the local store.
 */
import type { AgentStateReport } from '../../../shared/board.js';
import { createBackoff } from '../../../shared/backoff.js';
import type { SyncStatus } from '../../../shared/sync.js';
import { createThrottler } from '../../../shared/throttler.js';
import type { Logger } from '../log.js';
import type { SyncStore } from '../store/desk-store.js';
import { createHubSession, reasonOf, SignInNeeded } from './hub-session.js';
import { openNudgeSocket } from './nudge-socket.js';
import { createSyncCycle } from './sync-cycle.js';

export interface SyncClientOptions {
  url: string;
  username: string;
  /**
   * Given in the settings (a service desk, a script): the client signs in by itself. None:
   * the agent signs in from the desk (signIn), and the session is kept across restarts.
   */
  password: string | null;
  /** Purchases and notes older than this many days are not pulled. */
  historyDays: number;
  store: SyncStore;
  log: Logger;
  onStatus(status: SyncStatus): void;
  /** Customers whose card may have changed, after each page applied. */
  onChanged(customerIds: Set<string>): void;
  pageSize?: number;
  pushBatch?: number;
  now?: () => Date;
}

export interface SyncClient {
  start(): void;
  /** Run a cycle soon: something was written locally. */
  kick(): void;
  status(): SyncStatus;
  /** The agent's newest state for the supervisor board; sent with the next cycle, and only the newest if several wait. */
  reportAgentState(report: AgentStateReport): void;
  /** Signs the agent in with their password; rejects with a SignInRefused. Resolves after the first cycle. */
  signIn(password: string): Promise<SyncStatus>;
  /** One push-and-pull now, for tools: resolves when the desk is up to date or the attempt failed. */
  syncNow(): Promise<SyncStatus>;
  stop(): Promise<void>;
}

const SAFETY_NET_MS = 60_000;
const RETRY = { firstMs: 1_000, maxMs: 30_000 };

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { store, log, now = () => new Date(), pageSize = 2_000, pushBatch = 200 } = options;
  const hub = createHubSession({ url: options.url, username: options.username, password: options.password, store, log });
  const cycle = createSyncCycle({ hub, store, log, historyDays: options.historyDays, pageSize, pushBatch, now, onPushed: publish, onChanged: options.onChanged });
  const retry = createBackoff(RETRY);
  const cycles = createThrottler(runCycle);
  let socket: { close(): void } | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let link: Pick<SyncStatus, 'state' | 'offlineSince' | 'lastSyncAt' | 'lastError'> = {
    state: 'connecting',
    offlineSince: null,
    lastSyncAt: null,
    lastError: null,
  };
  let published = '';

  const status = (): SyncStatus => ({ ...link, ...store.outboxCounts() });
  function publish(): void {
    const current = status();
    const text = JSON.stringify(current);
    if (text !== published) {
      published = text;
      options.onStatus(current);
    }
  }

  function openSocket(): void {
    const token = hub.token();
    if (socket || stopped || token === null) return;
    const opened = openNudgeSocket(
      hub.base,
      token,
      {
        onVersion: (version) => {
          if (!stopped && version > store.syncCursor()) kick();
        },
        onOpen: () => {
          cycle.repeatAgentState();
          kick();
        },
        onClose: () => {
          if (socket === opened) socket = null;
          // The next cycle finds out whether the hub is gone, and re-opens the socket when it is back.
          schedule(retry.next());
        },
      },
      log,
    );
    socket = opened;
  }

  async function runCycle(): Promise<void> {
    if (stopped) return;
    clearTimeout(timer);
    try {
      await cycle.run();
      link = { state: 'online', offlineSince: null, lastSyncAt: now().toISOString(), lastError: null };
      retry.reset();
      openSocket();
      schedule(SAFETY_NET_MS);
    } catch (err) {
      const reason = reasonOf(err, hub.base);
      const offlineSince = link.offlineSince ?? now().toISOString();
      if (err instanceof SignInNeeded) {
        // Retrying cannot help: the next attempt is the agent's, through signIn.
        if (link.state !== 'signed_out') log.warn({ reason }, 'the hub needs the agent to sign in; working offline');
        link = { ...link, state: 'signed_out', offlineSince, lastError: reason };
      } else {
        if (link.state !== 'offline') log.warn({ reason }, 'hub unreachable; working offline');
        link = { ...link, state: 'offline', offlineSince, lastError: reason };
        schedule(retry.next());
      }
    }
    publish();
  }

  function schedule(ms: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(kick, ms);
  }

  function kick(): void {
    if (!stopped) void cycles.run();
  }

  async function syncNow(): Promise<SyncStatus> {
    await cycles.run();
    return status();
  }

  return {
    start: kick,
    kick() {
      if (stopped) return;
      publish();
      kick();
    },
    status,
    reportAgentState(report) {
      cycle.reportAgentState(report);
      kick();
    },
    async signIn(password) {
      await hub.signIn(password);
      return syncNow();
    },
    syncNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
      await cycles.whenIdle();
    },
  };
}
