/**
 * The desk as a SIP endpoint that the PBX rings alongside the agent's phone (a ring
 * group or parallel fork), optionally registered as an extension. It answers 100 and
 * 180 and never 200: the agent answers on their phone; the desk only needs to know
 * who is calling. CANCEL, BYE and OPTIONS are answered as RFC 3261 asks.
 *
 * The `sip` package (kirm/sip.js) does the parsing, transports and transactions, so a
 * retransmitted INVITE is absorbed by its transaction and never reaches this code twice.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import * as sip from 'sip';
import type { CallEvent, CallState } from '../../../../shared/call.js';
import type { Logger } from '../../log.js';
import type { CallEventSink, TelephonyAdapter } from '../adapter.js';
import { callerOf } from './sip-identity.js';
import { createRegistration, type Registration, type RegistrationOptions } from './sip-registration.js';
import { requestProblem } from './sip-request-check.js';

export interface SipAdapterOptions {
  /** The address to listen on, and to put in Via and Contact (publicAddress overrides it there). */
  host: string;
  port: number;
  transports: ('udp' | 'tcp')[];
  publicAddress?: string;
  /** The user part of the desk's own Contact. */
  user: string;
  registration?: Omit<RegistrationOptions, 'transport' | 'retry'> & { retry?: RegistrationOptions['retry'] };
  log: Logger;
}

interface RingingCall {
  invite: sip.SipMessage;
  toTag: string;
  caller: ReturnType<typeof callerOf>;
}

const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS';

export class SipPortInUseError extends Error {
  override name = 'SipPortInUseError';
}

export function createSipAdapter(options: SipAdapterOptions): TelephonyAdapter {
  const { log } = options;
  const contactHost = options.publicAddress ?? options.host;
  const contact = `sip:${options.user}@${contactHost}:${options.port}`;
  const calls = new Map<string, RingingCall>();
  let stack: sip.Stack | null = null;
  let registration: Registration | null = null;
  let sink: CallEventSink | null = null;

  function emit(callId: string, state: CallState, caller: RingingCall['caller']): void {
    const event: CallEvent = { callId, state, direction: 'inbound', at: new Date().toISOString(), ...caller };
    sink?.(event, 'sip');
  }

  function respond(request: sip.SipMessage, status: number, reason: string, toTag?: string, headers: Record<string, unknown> = {}): void {
    const response = sip.makeResponse(request, status, reason, { headers });
    // makeResponse echoes the request's version; the desk speaks SIP/2.0 whatever it was sent (a 505 included).
    response.version = '2.0';
    // makeResponse shares the request's To object: copy it before adding our tag.
    if (toTag) response.headers.to = { ...request.headers.to, params: { ...request.headers.to.params, tag: toTag } };
    stack?.send(response);
  }

  function onInvite(invite: sip.SipMessage): void {
    const callId = invite.headers['call-id'];
    if (invite.headers.to.params.tag) return respond(invite, 481, 'Call/Transaction Does Not Exist');
    let call = calls.get(callId);
    respond(invite, 100, 'Trying');
    if (!call) {
      call = { invite, toTag: randomBytes(6).toString('hex'), caller: callerOf(invite) };
      calls.set(callId, call);
      log.info({ callId, dialled: call.caller.dialled }, 'SIP call ringing');
      emit(callId, 'ringing', call.caller);
    }
    respond(invite, 180, 'Ringing', call.toTag, { contact: [{ uri: contact, params: {} }] });
  }

  function onCancel(cancel: sip.SipMessage): void {
    const callId = cancel.headers['call-id'];
    respond(cancel, 200, 'OK');
    const call = calls.get(callId);
    if (!call) return;
    calls.delete(callId);
    respond(call.invite, 487, 'Request Terminated', call.toTag);
    // RFC 3326: "Reason: SIP;cause=200" on a CANCEL means another phone of the fork answered.
    const reason = typeof cancel.headers.reason === 'string' ? cancel.headers.reason : '';
    emit(callId, /^\s*SIP\s*;(?:.*;)?\s*cause\s*=\s*200\b/i.test(reason) ? 'answered_elsewhere' : 'missed', call.caller);
  }

  function onRequest(request: sip.SipMessage): void {
    if (request.method === 'ACK') return;
    const problem = requestProblem(request);
    if (problem) {
      log.warn({ method: request.method, callId: request.headers['call-id'], status: problem.status, reason: problem.reason }, 'SIP request refused');
      return respond(request, problem.status, problem.reason);
    }
    switch (request.method) {
      case 'INVITE':
        return onInvite(request);
      case 'CANCEL':
        return onCancel(request);
      case 'BYE': {
        // The desk never answers, so no dialog of its own can end; a BYE for a call still ringing here ends its ringing.
        const call = calls.get(request.headers['call-id']);
        if (!call) return respond(request, 481, 'Call/Transaction Does Not Exist');
        respond(request, 200, 'OK');
        calls.delete(request.headers['call-id']);
        emit(request.headers['call-id'], 'missed', call.caller);
        return;
      }
      case 'OPTIONS':
        return respond(request, 200, 'OK', undefined, { allow: ALLOW, accept: 'application/sdp' });
      default:
        return respond(request, 405, 'Method Not Allowed', undefined, { allow: ALLOW });
    }
  }

  return {
    name: 'sip',
    async start(eventSink) {
      await assertPortsFree(options.host, options.port, options.transports);
      // The SIP stack takes a request to its own address for one of its flow tokens and fails on it.
      if (options.registration && options.registration.registrar.replace(/:\d+$/, '') === contactHost) {
        throw new Error(`the SIP registrar ${options.registration.registrar} is this desk's own address; set sip.publicAddress to the name or address the PBX reaches the desk by`);
      }
      sink = eventSink;
      stack = sip.create(
        {
          address: options.host,
          port: options.port,
          ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
          udp: options.transports.includes('udp'),
          tcp: options.transports.includes('tcp'),
          logger: { error: (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'SIP stack error') },
        },
        (request, remote) => {
          try {
            onRequest(request);
          } catch (err) {
            log.warn({ err: (err as Error).message, remote: remote.address, method: request.method }, 'SIP request failed');
            if (request.method !== 'ACK') respond(request, 500, 'Server Internal Error');
          }
        },
      );
      log.info({ host: options.host, port: options.port, transports: options.transports }, 'SIP endpoint listening');
      if (options.registration) {
        registration = createRegistration(
          stack,
          contact,
          { retry: { firstMs: 1_000, maxMs: 60_000 }, ...options.registration, transport: options.transports[0] ?? 'udp' },
          log,
        );
        registration.start();
      }
    },
    async stop() {
      await registration?.stop();
      stack?.destroy();
      stack = null;
      sink = null;
      calls.clear();
    },
  };
}

/** The SIP stack binds without reporting a taken port; checking first turns a crash into a clear error. */
async function assertPortsFree(host: string, port: number, transports: ('udp' | 'tcp')[]): Promise<void> {
  const probes: Promise<void>[] = [];
  if (transports.includes('udp')) {
    probes.push(
      new Promise((resolve, reject) => {
        const socket = createSocket('udp4');
        socket.once('error', (err) => reject(new SipPortInUseError(`SIP cannot listen on udp ${host}:${port}: ${err.message}`)));
        socket.bind(port, host, () => socket.close(() => resolve()));
      }),
    );
  }
  if (transports.includes('tcp')) {
    probes.push(
      new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', (err) => reject(new SipPortInUseError(`SIP cannot listen on tcp ${host}:${port}: ${err.message}`)));
        server.listen(port, host, () => server.close(() => resolve()));
      }),
    );
  }
  await Promise.all(probes);
}
