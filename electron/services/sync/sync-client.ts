/**
 * The desk's link to the hub. One cycle pushes the outbox, oldest first, then pulls
 * pages after the store's cursor until the hub has no more. Cycles run at start, after
 * every local write, when the hub's WebSocket nudges past the cursor, and every minute
 * as a safety net; a failed cycle marks the desk offline and retries with backoff, while
 * lookups, pops and notes carry on from the local store.
 */
import WebSocket from 'ws';
import { z } from 'zod';
import type { AgentStateReport } from '../../../shared/board.js';
import { describeIssues } from '../../../shared/zod-issues.js';
import { parseJson } from '../../../shared/json.js';
import {
  HubErrorSchema,
  MutationSchema,
  NudgeSchema,
  PullPageSchema,
  PushResultSchema,
  type MutationResult,
  SessionSchema,
  type SyncStatus,
} from '../../../shared/sync.js';
import type { Logger } from '../log.js';
import type { DeskStore } from '../store/desk-store.js';

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
  store: DeskStore;
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

const REQUEST_TIMEOUT_MS = 15_000;
const SAFETY_NET_MS = 60_000;
const RETRY_MS = { first: 1_000, max: 30_000 };

/** The hub answered, and said no: its reason is what the status bar shows. */
class HubError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
/** Nothing more to try without the agent: no password, or the hub refused it. */
class SignInNeeded extends HubError {}

/** Why the agent's own sign-in failed, so the desk can tell them what to do about it. */
export class SignInRefused extends Error {
  constructor(
    message: string,
    readonly why: 'wrong_password' | 'refused' | 'hub_failed' | 'unreachable',
  ) {
    super(message);
  }
}

function signInFailure(err: unknown): SignInRefused['why'] {
  if (err instanceof SignInNeeded) return 'wrong_password';
  if (!(err instanceof HubError)) return 'unreachable';
  return err.status !== undefined && err.status >= 500 ? 'hub_failed' : 'refused';
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { store, log, now = () => new Date(), pageSize = 2_000, pushBatch = 200 } = options;
  const base = options.url.replace(/\/+$/, '');
  const saved = store.savedSession();
  // A session saved for another hub or agent is not this desk's any more.
  let token: string | null = saved && saved.hubUrl === base && saved.username === options.username ? saved.token : null;
  let socket: WebSocket | null = null;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let retryMs = RETRY_MS.first;
  let link: Pick<SyncStatus, 'state' | 'offlineSince' | 'lastSyncAt' | 'lastError'> = {
    state: 'connecting',
    offlineSince: null,
    lastSyncAt: null,
    lastError: null,
  };
  let published = '';
  /** The state not yet sent, and the last one sent or asked to be. */
  let agentState: AgentStateReport | null = null;
  let lastAgentState: AgentStateReport | null = null;

  const status = (): SyncStatus => ({ ...link, ...store.outboxCounts() });
  function publish(): void {
    const current = status();
    const text = JSON.stringify(current);
    if (text !== published) {
      published = text;
      options.onStatus(current);
    }
  }

  async function call<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown, retried = false): Promise<z.output<S>> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const json: unknown = await response.json().catch(() => null);
    if (response.status === 401 && token !== null && !retried) {
      forgetSession();
      await login();
      return call(schema, method, path, body, true);
    }
    if (!response.ok) {
      const error = HubErrorSchema.safeParse(json);
      throw new HubError(`hub answered ${response.status}: ${error.success ? error.data.message : 'no reason given'}`, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HubError(`hub sent a malformed answer to ${path}: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }

  const reasonOf = (err: unknown): string =>
    err instanceof HubError
      ? err.message
      : `cannot reach the hub at ${base}: ${(err as Error).cause ? String((err as { cause: unknown }).cause) : (err as Error).message}`;

  function forgetSession(): void {
    token = null;
    store.saveSession(null);
  }

  async function openSession(password: string): Promise<void> {
    try {
      const session = await call(SessionSchema, 'POST', '/v1/sessions', { username: options.username, password }, true);
      token = session.token;
      store.saveSession({ hubUrl: base, username: options.username, token });
      log.info({ agent: session.agent.id, role: session.agent.role }, 'logged in to the hub');
    } catch (err) {
      if (err instanceof HubError && err.status === 401) throw new SignInNeeded(err.message, err.status);
      throw err;
    }
  }

  async function login(): Promise<void> {
    if (options.password === null) throw new SignInNeeded(`agent "${options.username}" is not signed in to the hub`);
    await openSession(options.password);
  }

  async function push(): Promise<void> {
    for (;;) {
      const entries = store.pendingMutations(pushBatch);
      if (entries.length === 0) return;
      const valid = [];
      const refused: MutationResult[] = [];
      for (const entry of entries) {
        const parsed = MutationSchema.safeParse(entry);
        if (parsed.success) valid.push(parsed.data);
        else {
          log.warn({ mutationId: entry.mutationId, issues: describeIssues(parsed.error) }, 'an outbox entry is not a valid mutation; kept, not sent');
          refused.push({ mutationId: entry.mutationId, status: 'rejected', reason: 'invalid_mutation' });
        }
      }
      if (refused.length > 0) store.settleMutations(refused);
      if (valid.length === 0) continue;
      const { results } = await call(PushResultSchema, 'POST', '/v1/sync/mutations', { mutations: valid });
      store.settleMutations(results);
      const rejected = results.filter((r) => r.status === 'rejected');
      if (rejected.length > 0) log.warn({ rejected }, 'the hub refused some notes or customers; they stay on this desk');
      publish();
    }
  }

  /** The next page is asked for before this one is written, so the hub can be at work on it meanwhile. */
  async function pull(): Promise<void> {
    const since = new Date(now().getTime() - options.historyDays * 86_400_000).toISOString().slice(0, 10);
    const fetchAfter = (after: number) => call(PullPageSchema, 'GET', `/v1/sync/changes?after=${after}&limit=${pageSize}&historySince=${since}`);
    let after = store.syncCursor();
    let next = fetchAfter(after);
    for (;;) {
      const page = await next;
      if (page.more) {
        next = fetchAfter(page.cursor);
        // Should this page fail to apply, the fetch already under way is dropped, not left unhandled.
        next.catch(() => undefined);
      }
      if (page.changes.length > 0 || page.cursor !== after) {
        const touched = store.applyChanges(page.changes, page.cursor);
        if (touched.size > 0) options.onChanged(touched);
      }
      if (!page.more) return;
      after = page.cursor;
    }
  }

  async function sendAgentState(): Promise<void> {
    const report = agentState;
    if (report === null) return;
    await call(z.unknown(), 'POST', '/v1/agents/me/state', report);
    if (agentState === report) agentState = null;
  }

  function openSocket(): void {
    if (socket || stopped || token === null) return;
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/v1/sync/nudges`, { headers: { authorization: `Bearer ${token}` } });
    socket = ws;
    ws.on('message', (data) => {
      if (stopped) return;
      const nudge = NudgeSchema.safeParse(parseJson(data.toString()));
      if (nudge.success && nudge.data.version > store.syncCursor()) kick();
      else if (!nudge.success) log.warn('the hub sent a nudge that is not one; ignored');
    });
    ws.on('open', () => {
      // The hub may have marked this agent offline while the link was down, or this may be another hub: say the state again.
      agentState ??= lastAgentState;
      kick();
    });
    ws.on('error', (err) => log.debug({ err }, 'hub nudge socket failed'));
    ws.on('close', () => {
      if (socket === ws) socket = null;
      // The next cycle finds out whether the hub is gone, and re-opens the socket when it is back.
      if (!stopped) schedule(retryMs);
    });
  }

  async function cycle(): Promise<void> {
    try {
      if (token === null) await login();
      await push();
      await sendAgentState();
      await pull();
      link = { state: 'online', offlineSince: null, lastSyncAt: now().toISOString(), lastError: null };
      retryMs = RETRY_MS.first;
      openSocket();
      schedule(SAFETY_NET_MS);
    } catch (err) {
      const reason = reasonOf(err);
      const offlineSince = link.offlineSince ?? now().toISOString();
      if (err instanceof SignInNeeded) {
        // Retrying cannot help: the next attempt is the agent's, through signIn.
        if (link.state !== 'signed_out') log.warn({ reason }, 'the hub needs the agent to sign in; working offline');
        link = { ...link, state: 'signed_out', offlineSince, lastError: reason };
      } else {
        if (link.state !== 'offline') log.warn({ reason }, 'hub unreachable; working offline');
        link = { ...link, state: 'offline', offlineSince, lastError: reason };
        schedule(retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MS.max);
      }
    }
    publish();
  }

  async function syncNow(): Promise<SyncStatus> {
    kick();
    while (running) await running;
    return status();
  }

  function schedule(ms: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(kick, ms);
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = cycle().finally(() => {
      running = null;
      if (again) {
        again = false;
        kick();
      }
    });
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
      agentState = report;
      lastAgentState = report;
      kick();
    },
    async signIn(password) {
      try {
        await openSession(password);
      } catch (err) {
        throw new SignInRefused(reasonOf(err), signInFailure(err));
      }
      return syncNow();
    },
    syncNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
      await running;
    },
  };
}
