/**
 * The life of each call as the desk sees it: which card belongs to which callId,
 * which state changes are news and which are repeats, and which calls are over.
 * Bridges repeat themselves (retransmissions, reconnects, a PBX posting twice), so
 * every event is checked against what this call has already been through.
 *
 * A callId belongs to the bridge that first reported it, for as long as the desk
 * remembers the call: ids are each PBX's own (a SIP Call-ID, an Asterisk Uniqueid, a
 * webhook's string) and one bridge's peer could otherwise end another bridge's call by
 * naming its id.
 */
import { type CallEvent, type CallState, isFinalState, type PopCard } from '../../../shared/call.js';
import type { RingingBounds } from '../telephony/adapter.js';
import { nextState } from './call-transitions.js';

/** Ended cards kept on screen for annotation; older ones are dismissed so a long shift doesn't pile up cards. */
const MAX_FINISHED_CARDS = 20;
/** Finished callIds remembered so a late repeat of "ringing" cannot pop a call that is over. */
const MAX_REMEMBERED_FINISHED = 10_000;

export type TrackedChange =
  | { kind: 'new' }
  | { kind: 'changed'; card: PopCard; finished: boolean }
  | { kind: 'repeat' }
  /** A call that is already over (or an end we never saw start): log it if not logged, pop nothing. */
  | { kind: 'finished-elsewhere' }
  /** The callId is another bridge's call: this bridge may not touch it. */
  | { kind: 'foreign'; owner: string };

/** A live call the desk is to let go of: it rang unheard too long, or newer calls need its place. */
export interface UnheardCall {
  card: PopCard;
  source: string;
  why: 'ring-timeout' | 'too-many-calls';
}

interface TrackedCall {
  source: string;
  card: PopCard;
  /** While ringing: fires when the bridge has said nothing of this call for the ring time-out. */
  timer?: NodeJS.Timeout;
}

export interface CallTrackerOptions {
  bounds: RingingBounds;
  now: () => Date;
  /** A ringing call heard nothing for bounds.ringTimeoutMs. */
  onRingTimeout(call: UnheardCall): void;
}

export class CallTracker {
  private readonly calls = new Map<string, TrackedCall>();
  /** callId → the bridge whose call it was. */
  private readonly finished = new Map<string, string>();

  constructor(private readonly options: CallTrackerOptions) {}

  classify(event: CallEvent, source: string): TrackedChange {
    const tracked = this.calls.get(event.callId);
    if (!tracked) {
      const owner = this.finished.get(event.callId);
      if (owner !== undefined) return owner === source ? { kind: 'repeat' } : { kind: 'foreign', owner };
      return isFinalState(event.state) ? { kind: 'finished-elsewhere' } : { kind: 'new' };
    }
    if (tracked.source !== source) return { kind: 'foreign', owner: tracked.source };
    const { card } = tracked;
    const state = nextState(card.state, event.state);
    if (state === undefined) {
      if (card.state === 'ringing') this.listen(tracked);
      return { kind: 'repeat' };
    }
    const at = notBefore(event.at ?? this.options.now().toISOString(), card.endedAt ?? card.answeredAt ?? card.startedAt);
    const updated: PopCard = {
      ...card,
      state,
      answeredAt: state === 'answered' ? at : card.answeredAt,
      endedAt: isFinalState(state) ? at : card.endedAt,
    };
    tracked.card = updated;
    const finished = updated.endedAt !== null;
    if (state === 'ringing') this.listen(tracked);
    else clearTimeout(tracked.timer);
    if (finished) this.rememberFinished(card.callId, source);
    return { kind: 'changed', card: updated, finished };
  }

  /** A new call's card; first the live calls beyond the bound that must make room, oldest unanswered first. */
  add(card: PopCard, source: string): UnheardCall[] {
    const tracked: TrackedCall = { source, card };
    this.calls.set(card.callId, tracked);
    if (card.state === 'ringing') this.listen(tracked);
    return this.overflow(card.callId);
  }

  markFinished(callId: string, source: string): void {
    this.rememberFinished(callId, source);
  }

  replace(card: PopCard): void {
    const tracked = this.calls.get(card.callId);
    if (tracked) tracked.card = card;
  }

  dismiss(callId: string): boolean {
    clearTimeout(this.calls.get(callId)?.timer);
    return this.calls.delete(callId);
  }

  get(callId: string): PopCard | undefined {
    return this.calls.get(callId)?.card;
  }

  all(): PopCard[] {
    return [...this.calls.values()].map((t) => t.card);
  }

  stop(): void {
    for (const tracked of this.calls.values()) clearTimeout(tracked.timer);
  }

  /** Dismisses the oldest finished cards beyond the limit; returns their callIds. */
  pruneFinished(): string[] {
    const ended = this.all().filter((c) => c.endedAt !== null);
    const excess = ended.length - MAX_FINISHED_CARDS;
    if (excess <= 0) return [];
    const dropped = ended.slice(0, excess).map((c) => c.callId);
    for (const id of dropped) this.calls.delete(id);
    return dropped;
  }

  private listen(tracked: TrackedCall): void {
    clearTimeout(tracked.timer);
    tracked.timer = setTimeout(() => {
      this.options.onRingTimeout({ card: tracked.card, source: tracked.source, why: 'ring-timeout' });
    }, this.options.bounds.ringTimeoutMs);
    // A card's wait must not keep a desk that is shutting down alive.
    tracked.timer.unref();
  }

  /** The live calls past the bound, the one just added kept: ringing ones before answered ones, oldest first within each. */
  private overflow(keep: string): UnheardCall[] {
    const live = [...this.calls.values()].filter((t) => t.card.endedAt === null && t.card.callId !== keep);
    const excess = live.length + 1 - this.options.bounds.maxLiveCalls;
    if (excess <= 0) return [];
    const byRank = (state: CallState) => (state === 'ringing' ? 0 : 1);
    const ordered = live.map((t, i) => ({ t, i })).sort((a, b) => byRank(a.t.card.state) - byRank(b.t.card.state) || a.i - b.i);
    return ordered.slice(0, excess).map(({ t }) => ({ card: t.card, source: t.source, why: 'too-many-calls' }));
  }

  private rememberFinished(callId: string, source: string): void {
    this.finished.set(callId, source);
    if (this.finished.size > MAX_REMEMBERED_FINISHED) {
      const oldest = this.finished.keys().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
  }
}

/** A state's time, never before the state it follows: bridges' clocks and queues disagree by seconds or more. */
function notBefore(at: string, previous: string): string {
  return Date.parse(at) < Date.parse(previous) ? previous : at;
}
