/**
 * What every telephony bridge (simulator, JSON, SIP, AMI) implements: it turns its
 * protocol into CallEvents and hands them to the desk, and nothing more.
 */
import { type CallEvent, type CallEventInput, CallEventSchema } from '../../../shared/call.js';

/**
 * The first rule of shared/call.ts this event breaks ("remoteName: Too big…"), or null.
 * Every adapter asks before a call rings, so no bridge pops a card a JSON bridge would refuse.
 */
export function callEventProblem(event: CallEventInput): string | null {
  const issue = CallEventSchema.safeParse(event).error?.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : null;
}

/**
 * Where a bridge hands its events. The desk binds one sink to each bridge by the bridge's
 * name, so the callIds a bridge reports are its own: it cannot name another bridge's calls.
 */
export type CallEventSink = (event: CallEvent) => void;

/**
 * How long a call may ring with no news, and how many calls may be live at once. The desk
 * holds every bridge's calls to these (config `calls`); a bridge that keeps state per
 * ringing call (the SIP endpoint's INVITE transactions) holds its own to the same numbers.
 */
export interface RingingBounds {
  ringTimeoutMs: number;
  maxLiveCalls: number;
}

export const DEFAULT_RINGING_BOUNDS: Readonly<RingingBounds> = {
  /**
   * Queues re-ring an agent every 15–60 s and proxies give up on a ringing leg after
   * 3 minutes (RFC 3261 Timer C): five minutes with no news is a call whose end was lost.
   */
  ringTimeoutMs: 300_000,
  /**
   * A desk rings for one agent: even a queue burst is a handful. 256 bounds what calls that
   * are never ended can hold (cards, SIP INVITEs) while staying far past any real burst.
   */
  maxLiveCalls: 256,
};

export interface TelephonyAdapter {
  /** Short, stable, shown in logs: "simulator", "json-bridge", "sip", "ami". */
  readonly name: string;
  start(sink: CallEventSink): Promise<void>;
  /** Releases sockets and timers; after it resolves no more events arrive. */
  stop(): Promise<void>;
}
