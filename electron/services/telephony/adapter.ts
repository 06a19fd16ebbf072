/**
 * What every telephony bridge (simulator, JSON, SIP, AMI) implements: it turns its
 * protocol into CallEvents and hands them to the desk, and nothing more.
 */
import type { CallEvent } from '../../../shared/call.js';

export type CallEventSink = (event: CallEvent, source: string) => void;

export interface TelephonyAdapter {
  /** Short, stable, shown in logs: "simulator", "json-bridge", "sip", "ami". */
  readonly name: string;
  start(sink: CallEventSink): Promise<void>;
  /** Releases sockets and timers; after it resolves no more events arrive. */
  stop(): Promise<void>;
}
