/**
 * The one table of how a call moves on this desk. A bridge may repeat itself, report out
 * of order or contradict itself (a queue that says "taken elsewhere" for the call this
 * agent already answered); a call only ever moves forward through this table, so the
 * call log never says more than happened here.
 */
import type { CallState } from '../../../shared/call.js';

/** Where a call in each state goes on each reported state; a report not listed changes nothing. */
const CALL_TRANSITIONS: Readonly<Record<CallState, Readonly<Partial<Record<CallState, CallState>>>>> = {
  ringing: { answered: 'answered', ended: 'ended', missed: 'missed', answered_elsewhere: 'answered_elsewhere' },
  // Answered here, whatever ends it now: the agent had the call, so it was neither missed nor a colleague's.
  answered: { ended: 'ended', missed: 'ended', answered_elsewhere: 'ended' },
  ended: {},
  missed: {},
  answered_elsewhere: {},
};

export function nextState(from: CallState, reported: CallState): CallState | undefined {
  return CALL_TRANSITIONS[from][reported];
}
