/**
 * The desk as a SIP endpoint that the PBX rings alongside the agent's phone (a ring
 * group or parallel fork), optionally registered as an extension. It answers 100 and
 * 180 and never 200: the agent answers on their phone; the desk only needs to know
 * who is calling. CANCEL, BYE and OPTIONS are answered as RFC 3261 asks.
 *
 * Sockets, framing, parsing and transactions are the stack's (sip-stack.ts), so a
 * retransmitted INVITE is absorbed by its transaction and never reaches this code twice,
 * and a message that does not read never reaches it at all.
 */
import { randomBytes } from 'node:crypto';
import type { SipMessage } from 'sip';
import type { CallEvent, CallState } from '../../../../shared/call.js';
import type { Logger } from '../../log.js';
import { callEventProblem, type CallEventSink, DEFAULT_RINGING_BOUNDS, type RingingBounds, type TelephonyAdapter } from '../adapter.js';
import { byeMatches, cancelMatches, type RingingInvite } from './sip-call-match.js';
import { callerOf, type SipCaller } from './sip-identity.js';
import { SIP_LIMITS, type SipLimits } from './sip-limits.js';
import { createRegistration, type Registration, type RegistrationOptions } from './sip-registration.js';
import { type SipStack, startSipStack } from './sip-stack.js';
import type { Remote } from './sip-transport.js';
import { defaultTrustedPeers, type PeerTrust, resolvePeerTrust } from './sip-trust.js';

export interface SipAdapterOptions {
  /** The address to listen on, and to put in Via and Contact (publicAddress overrides it there). */
  host: string;
  port: number;
  transports: ('udp' | 'tcp')[];
  publicAddress?: string;
  /** The user part of the desk's own Contact. */
  user: string;
  registration?: Omit<RegistrationOptions, 'transport' | 'retry'> & { retry?: RegistrationOptions['retry'] };
  /** Peers whose P-Asserted-Identity and Remote-Party-ID are believed (sip-trust.ts); default: the registrar, else loopback. */
  trustedPeers?: string[];
  /** The bounds of sip-limits.ts; only tests change them. */
  limits?: SipLimits;
  /** The desk's bounds on ringing calls (config `calls`), so this endpoint holds no INVITE the desk has let go of. */
  ringing?: RingingBounds;
  log: Logger;
}

interface RingingCall extends RingingInvite {
  caller: SipCaller;
  /** Rings out after ringing.ringTimeoutMs. */
  timer: NodeJS.Timeout;
}

const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS';
/** RFC 3326: "Reason: SIP;cause=200" on a CANCEL means another phone of the fork answered. */
const ANSWERED_ELSEWHERE = /^\s*SIP\s*;(?:.*;)?\s*cause\s*=\s*200\b/i;

export function createSipAdapter(options: SipAdapterOptions): TelephonyAdapter {
  const { log } = options;
  const limits = options.limits ?? SIP_LIMITS;
  const ringing = options.ringing ?? DEFAULT_RINGING_BOUNDS;
  const contact = `sip:${options.user}@${options.publicAddress ?? options.host}:${options.port}`;
  const calls = new Map<string, RingingCall>();
  let stack: SipStack | null = null;
  let trust: PeerTrust | null = null;
  let registration: Registration | null = null;
  let sink: CallEventSink | null = null;

  function emit(callId: string, state: CallState, caller: SipCaller): void {
    const event: CallEvent = { callId, state, direction: 'inbound', at: new Date().toISOString(), ...caller };
    sink?.(event);
  }

  /** The call is over for this desk: it stops ringing here and the card says how it ended. */
  function end(call: RingingCall, state: CallState): void {
    clearTimeout(call.timer);
    const callId = call.invite.headers['call-id'];
    calls.delete(callId);
    emit(callId, state, call.caller);
  }

  /** A new call starts ringing here, or the INVITE is answered with why not and undefined comes back. */
  function admit(invite: SipMessage, remote: Remote, stack: SipStack): RingingCall | undefined {
    const callId = invite.headers['call-id'];
    const { caller, ignored } = callerOf(invite, trust?.trusts(remote.address) ?? false);
    for (const { header, reason } of ignored) log.warn({ callId: callId.slice(0, 200), remote, header, reason }, 'SIP header ignored');
    const problem = callEventProblem({ callId, state: 'ringing', direction: 'inbound', ...caller });
    if (problem) {
      log.warn({ callId: callId.slice(0, 200), remote, issue: problem }, 'SIP INVITE refused: its call details are out of bounds');
      stack.respond(invite, 400, 'Call Details Out Of Bounds');
      return undefined;
    }
    // As the desk does with its cards: the oldest unanswered call makes room, so INVITEs that are never cancelled cannot keep a new caller out.
    for (const oldest of [...calls.values()].slice(0, Math.max(0, calls.size + 1 - ringing.maxLiveCalls))) {
      ringOut(oldest, stack, `more than ${ringing.maxLiveCalls} calls ringing`);
    }
    const call: RingingCall = { invite, remote, toTag: randomBytes(6).toString('hex'), caller, timer: setTimeout(() => ringOut(call, stack, 'no CANCEL in time'), ringing.ringTimeoutMs) };
    calls.set(callId, call);
    log.info({ callId, dialled: caller.dialled }, 'SIP call ringing');
    emit(callId, 'ringing', caller);
    return call;
  }

  function onInvite(invite: SipMessage, remote: Remote, stack: SipStack): void {
    if (invite.headers.to.params.tag) return stack.respond(invite, 481, 'Call/Transaction Does Not Exist');
    // Another INVITE of a call already ringing (a new branch of the same fork) rings on; it pops nothing new.
    const call = calls.get(invite.headers['call-id']) ?? admit(invite, remote, stack);
    if (!call) return;
    stack.respond(invite, 100, 'Trying');
    stack.respond(invite, 180, 'Ringing', { toTag: call.toTag, headers: { contact: [{ uri: contact, params: {} }] } });
  }

  function ringOut(call: RingingCall, stack: SipStack, why: string): void {
    log.info({ callId: call.invite.headers['call-id'], why }, 'SIP call rang out');
    stack.respond(call.invite, 480, 'Temporarily Unavailable', { toTag: call.toTag });
    end(call, 'missed');
  }

  function onCancel(cancel: SipMessage, remote: Remote, stack: SipStack): void {
    const callId = cancel.headers['call-id'];
    const call = calls.get(callId);
    if (!call || !cancelMatches(cancel, remote, call)) {
      if (call) log.warn({ callId, remote }, 'SIP CANCEL refused: it does not match the ringing INVITE');
      return stack.respond(cancel, 481, 'Call/Transaction Does Not Exist');
    }
    stack.respond(cancel, 200, 'OK', { toTag: call.toTag });
    stack.respond(call.invite, 487, 'Request Terminated', { toTag: call.toTag });
    const reason = typeof cancel.headers.reason === 'string' ? cancel.headers.reason : '';
    end(call, ANSWERED_ELSEWHERE.test(reason) ? 'answered_elsewhere' : 'missed');
  }

  function onBye(bye: SipMessage, remote: Remote, stack: SipStack): void {
    // The desk never answers, so no dialog of its own can end; a BYE in the early dialog of a call still ringing here ends its ringing.
    const callId = bye.headers['call-id'];
    const call = calls.get(callId);
    if (!call || !byeMatches(bye, remote, call)) return stack.respond(bye, 481, 'Call/Transaction Does Not Exist');
    stack.respond(bye, 200, 'OK');
    stack.respond(call.invite, 487, 'Request Terminated', { toTag: call.toTag });
    end(call, 'missed');
  }

  function onRequest(request: SipMessage, remote: Remote, stack: SipStack): void {
    switch (request.method) {
      case 'INVITE':
        return onInvite(request, remote, stack);
      case 'CANCEL':
        return onCancel(request, remote, stack);
      case 'BYE':
        return onBye(request, remote, stack);
      case 'OPTIONS':
        return stack.respond(request, 200, 'OK', { headers: { allow: ALLOW, accept: 'application/sdp' } });
      default:
        return stack.respond(request, 405, 'Method Not Allowed', { headers: { allow: ALLOW } });
    }
  }

  return {
    name: 'sip',
    async start(eventSink) {
      sink = eventSink;
      trust = await resolvePeerTrust(options.trustedPeers ?? defaultTrustedPeers(options.registration?.registrar), log);
      const started = await startSipStack(
        { host: options.host, port: options.port, transports: options.transports, publicAddress: options.publicAddress, limits, log },
        (request, remote) => onRequest(request, remote, started),
      );
      stack = started;
      log.info({ host: options.host, port: options.port, transports: options.transports }, 'SIP endpoint listening');
      if (options.registration) {
        registration = createRegistration(
          started,
          contact,
          { retry: { firstMs: 1_000, maxMs: 60_000 }, ...options.registration, transport: options.transports[0] ?? 'udp' },
          log,
        );
        registration.start();
      }
    },
    async stop() {
      await registration?.stop();
      registration = null;
      await stack?.close();
      stack = null;
      sink = null;
      for (const call of calls.values()) clearTimeout(call.timer);
      calls.clear();
    },
  };
}
