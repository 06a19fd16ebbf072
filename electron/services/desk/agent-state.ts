/**
 * The agent's state on this desk, for the supervisor board: set by hand (available,
 * a break with its reason), and by the calls themselves — ringing, on the call, then
 * wrap-up for the configured time after a call the agent took, back to available when
 * it runs out or the agent ends it early. A missed call puts the agent back where they were.
 * When the desk closes, the agent goes offline.
 */
import type { PopCard } from '../../../shared/call.js';
import type { AgentState, AgentStateReport } from '../../../shared/board.js';
import type { DeskAgentState } from '../../../shared/desk-api.js';
import { customerDisplayName } from '../../../shared/customer-name.js';

export type ManualState = Extract<AgentState, 'available' | 'break'>;

export interface AgentStateOptions {
  wrapUpSeconds: number;
  now: () => Date;
  /** Every change, as the UI shows it and the hub hears it. */
  onChange(state: DeskAgentState, report: AgentStateReport): void;
}

export function createAgentState({ wrapUpSeconds, now, onChange }: AgentStateOptions) {
  let manual: { state: ManualState; breakReason: string | null } = { state: 'available', breakReason: null };
  let current: DeskAgentState = { state: 'available', since: now().toISOString(), breakReason: null, wrapUpEndsAt: null };
  let call: AgentStateReport['call'];
  let wrapUpTimer: NodeJS.Timeout | undefined;

  /** What the hub is told: the state, since when, and the call's customer and queue while there is one. */
  const report = (): AgentStateReport => ({
    state: current.state,
    at: current.since,
    ...(current.breakReason !== null ? { breakReason: current.breakReason } : {}),
    ...(call ? { call } : {}),
  });

  function enter(state: AgentState, extra: Partial<DeskAgentState> = {}): void {
    clearTimeout(wrapUpTimer);
    current = { state, since: now().toISOString(), breakReason: null, wrapUpEndsAt: null, ...extra };
    if (state === 'available' || state === 'break' || state === 'offline') call = undefined;
    onChange(current, report());
  }

  const backToManual = () => enter(manual.state, { breakReason: manual.breakReason });

  return {
    current: () => current,
    report,
    set(state: ManualState, breakReason: string | null): void {
      manual = { state, breakReason: state === 'break' ? breakReason : null };
      // A call under way keeps its state; the choice applies once it is over.
      if (current.state === 'ringing' || current.state === 'on_call') return;
      backToManual();
    },
    /** Follows this desk's own card for the call: the first ringing card, its answer, its end. */
    onCard(card: PopCard, previous: PopCard | undefined): void {
      const only = card.candidates.length === 1 ? card.candidates[0] : undefined;
      call = { customer: only ? customerDisplayName(only.customer) : null, queue: card.queue ?? null };
      if (card.state === 'ringing' && current.state !== 'on_call' && current.state !== 'ringing') enter('ringing');
      else if (card.state === 'answered' && previous?.state !== 'answered') enter('on_call');
      else if (card.state === 'ended' && previous?.state === 'answered' && wrapUpSeconds > 0) {
        const endsAt = new Date(now().getTime() + wrapUpSeconds * 1_000);
        enter('wrap_up', { wrapUpEndsAt: endsAt.toISOString() });
        wrapUpTimer = setTimeout(backToManual, wrapUpSeconds * 1_000);
      } else if (card.state !== 'ringing' && card.state !== 'answered' && (current.state === 'ringing' || current.state === 'on_call')) {
        backToManual();
      }
    },
    /** The desk is closing: whatever the agent was doing, the board should now show them offline. */
    stop(): void {
      enter('offline');
    },
  };
}
