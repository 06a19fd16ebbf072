/**
 * The life of each call as the desk sees it: which card belongs to which callId,
 * which state changes are news and which are repeats, and which calls are over.
 * Bridges repeat themselves (retransmissions, reconnects, a PBX posting twice), so
 * every event is checked against what this call has already been through.
 */
import { type CallEvent, type CallState, isFinalState, type PopCard } from '../../../shared/call.js';

/** Ended cards kept on screen for annotation; older ones are dismissed so a long shift doesn't pile up cards. */
const MAX_FINISHED_CARDS = 20;
/** Finished callIds remembered so a late repeat of "ringing" cannot pop a call that is over. */
const MAX_REMEMBERED_FINISHED = 10_000;

const ORDER: Record<CallState, number> = { ringing: 0, answered: 1, ended: 2, missed: 2, answered_elsewhere: 2 };

export type TrackedChange =
  | { kind: 'new' }
  | { kind: 'changed'; card: PopCard; finished: boolean }
  | { kind: 'repeat' }
  /** A call that is already over (or an end we never saw start): log it if not logged, pop nothing. */
  | { kind: 'finished-elsewhere' };

export class CallTracker {
  private readonly cards = new Map<string, PopCard>();
  private readonly finished = new Set<string>();

  classify(event: CallEvent): TrackedChange {
    const card = this.cards.get(event.callId);
    if (!card) {
      if (this.finished.has(event.callId)) return { kind: 'repeat' };
      return isFinalState(event.state) ? { kind: 'finished-elsewhere' } : { kind: 'new' };
    }
    if (ORDER[event.state] <= ORDER[card.state]) return { kind: 'repeat' };
    const at = event.at ?? new Date().toISOString();
    const updated: PopCard = {
      ...card,
      state: event.state,
      answeredAt: event.state === 'answered' ? at : card.answeredAt,
      endedAt: isFinalState(event.state) ? at : card.endedAt,
    };
    this.cards.set(card.callId, updated);
    const finished = updated.endedAt !== null;
    if (finished) this.rememberFinished(card.callId);
    return { kind: 'changed', card: updated, finished };
  }

  add(card: PopCard): void {
    this.cards.set(card.callId, card);
  }

  markFinished(callId: string): void {
    this.rememberFinished(callId);
  }

  replace(card: PopCard): void {
    if (this.cards.has(card.callId)) this.cards.set(card.callId, card);
  }

  dismiss(callId: string): boolean {
    return this.cards.delete(callId);
  }

  get(callId: string): PopCard | undefined {
    return this.cards.get(callId);
  }

  all(): PopCard[] {
    return [...this.cards.values()];
  }

  private rememberFinished(callId: string): void {
    this.finished.add(callId);
    if (this.finished.size > MAX_REMEMBERED_FINISHED) {
      const oldest = this.finished.values().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
  }

  /** Dismisses the oldest finished cards beyond the limit; returns their callIds. */
  pruneFinished(): string[] {
    const ended = [...this.cards.values()].filter((c) => c.endedAt !== null);
    const excess = ended.length - MAX_FINISHED_CARDS;
    if (excess <= 0) return [];
    const dropped = ended.slice(0, excess).map((c) => c.callId);
    for (const id of dropped) this.cards.delete(id);
    return dropped;
  }
}
