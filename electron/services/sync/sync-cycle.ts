/**
 * One sync cycle: the outbox pushed, oldest first; the agent's newest state sent for the
 * board; then pages pulled after the store's cursor until the hub has no more. Any failure
 * rejects, and the next cycle starts again where this one stopped: a pushed batch is
 * settled and a pulled page kept with its cursor, each in its own transaction.
 */
import type { AgentStateReport } from '../../../shared/board.js';
import { MutationSchema, type MutationResult } from '../../../shared/sync.js';
import { describeIssues } from '../../../shared/zod-issues.js';
import type { Logger } from '../log.js';
import type { SyncStore } from '../store/desk-store.js';
import type { HubSession } from './hub-session.js';

export interface SyncCycleOptions {
  hub: HubSession;
  store: SyncStore;
  log: Logger;
  /** Purchases and notes older than this many days are not pulled. */
  historyDays: number;
  pageSize: number;
  pushBatch: number;
  now: () => Date;
  /** After each pushed batch: the outbox counts changed. */
  onPushed(): void;
  /** Customers whose card may have changed, after each page applied. */
  onChanged(customerIds: Set<string>): void;
}

export function createSyncCycle({ hub, store, log, historyDays, pageSize, pushBatch, now, onPushed, onChanged }: SyncCycleOptions) {
  /** The state not yet sent, and the last one sent or asked to be. */
  let agentState: AgentStateReport | null = null;
  let lastAgentState: AgentStateReport | null = null;

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
      const { results } = await hub.call('push', { body: { mutations: valid } });
      store.settleMutations(results);
      const rejected = results.filter((r) => r.status === 'rejected');
      if (rejected.length > 0) log.warn({ rejected }, 'the hub refused some notes or customers; they stay on this desk');
      onPushed();
    }
  }

  async function sendAgentState(): Promise<void> {
    const report = agentState;
    if (report === null) return;
    await hub.call('agentState', { body: report });
    if (agentState === report) agentState = null;
  }

  /** The next page is asked for before this one is written, so the hub can be at work on it meanwhile. */
  async function pull(): Promise<void> {
    const historySince = new Date(now().getTime() - historyDays * 86_400_000).toISOString().slice(0, 10);
    const fetchAfter = (after: number) => hub.call('pull', { query: { after, limit: pageSize, historySince } });
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
        if (touched.size > 0) onChanged(touched);
      }
      if (!page.more) return;
      after = page.cursor;
    }
  }

  return {
    async run(): Promise<void> {
      await hub.ensure();
      await push();
      await sendAgentState();
      await pull();
    },
    /** The agent's newest state for the board; sent with the next cycle, and only the newest if several wait. */
    reportAgentState(report: AgentStateReport): void {
      agentState = report;
      lastAgentState = report;
    },
    /** The hub may have marked this agent offline while the link was down, or this may be another hub: say the state again. */
    repeatAgentState(): void {
      agentState ??= lastAgentState;
    },
  };
}
