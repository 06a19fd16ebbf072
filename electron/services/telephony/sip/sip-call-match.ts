/**
 * Which ringing call a CANCEL or BYE is about. A Call-ID alone is no proof: anyone who
 * learns one could end a call that is still ringing, so each request must match what
 * RFC 3261 says identifies what it ends, and come from where the INVITE came from.
 */
import type { SipMessage, Via } from 'sip';
import type { Remote } from './sip-transport.js';

export interface RingingInvite {
  invite: SipMessage;
  /** Where the INVITE came from. */
  remote: Remote;
  /** The tag the desk put in its To. */
  toTag: string;
}

const sentBy = (via: Via | undefined) => via && `${via.protocol ?? ''}/${via.host}:${via.port ?? ''}`.toLowerCase();
const sameSource = (a: Remote, b: Remote) => a.protocol === b.protocol && a.address === b.address;

/**
 * §9.2: a CANCEL matches the INVITE's server transaction: the same top Via (branch and
 * sent-by), and, as §9.1 builds a CANCEL, the same Request-URI, Call-ID, From tag and CSeq number.
 */
export function cancelMatches(cancel: SipMessage, remote: Remote, call: RingingInvite): boolean {
  const { invite } = call;
  const [theirs, ours] = [cancel.headers.via[0], invite.headers.via[0]];
  return (
    sameSource(remote, call.remote) &&
    theirs?.params.branch !== undefined &&
    theirs.params.branch === ours?.params.branch &&
    sentBy(theirs) === sentBy(ours) &&
    cancel.uri === invite.uri &&
    cancel.headers['call-id'] === invite.headers['call-id'] &&
    cancel.headers.from.params.tag === invite.headers.from.params.tag &&
    cancel.headers.cseq.seq === invite.headers.cseq.seq
  );
}

/** §12.2.2: a BYE belongs to the early dialog its Call-ID, From tag (the caller's) and To tag (the desk's) name. */
export function byeMatches(bye: SipMessage, remote: Remote, call: RingingInvite): boolean {
  return (
    sameSource(remote, call.remote) &&
    bye.headers['call-id'] === call.invite.headers['call-id'] &&
    bye.headers.from.params.tag === call.invite.headers.from.params.tag &&
    bye.headers.to.params.tag === call.toTag
  );
}
