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

export type CallEventSink = (event: CallEvent, source: string) => void;

export interface TelephonyAdapter {
  /** Short, stable, shown in logs: "simulator", "json-bridge", "sip", "ami". */
  readonly name: string;
  start(sink: CallEventSink): Promise<void>;
  /** Releases sockets and timers; after it resolves no more events arrive. */
  stop(): Promise<void>;
}
