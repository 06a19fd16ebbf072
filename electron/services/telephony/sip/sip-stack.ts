/**
 * The desk's SIP stack: its own transport (sip-transport.ts) under the `sip` package's
 * transaction layer, so a retransmitted request is absorbed by its transaction and
 * reaches the endpoint once. Requests that do not read, or that RFC 3261 says to refuse,
 * are answered here and never reach the endpoint. What it offers is what the endpoint
 * and the registration need: send a request and hear its responses, send a response, close.
 */
import { randomBytes } from 'node:crypto';
import * as sip from 'sip';
import type { SipMessage } from 'sip';
import type { Logger } from '../../log.js';
import type { FramedMessage } from './sip-framing.js';
import type { SipLimits } from './sip-limits.js';
import { readMessage } from './sip-message.js';
import { type RequestProblem, requestProblem } from './sip-request-check.js';
import { type Remote, startSipTransport } from './sip-transport.js';

export interface SipStackOptions {
  host: string;
  port: number;
  transports: ('udp' | 'tcp')[];
  /** The name or address put in the Via of requests the desk sends, when it differs from `host`. */
  publicAddress?: string;
  limits: SipLimits;
  log: Logger;
}

export interface SipStack {
  /** A request goes out (with its Via filled in) and each response comes back to `onResponse`; a response goes out through its server transaction. */
  send(message: SipMessage, onResponse?: (response: SipMessage) => void): void;
  /** Answers a request, echoing what RFC 3261 §8.2.6 says to echo; a response past 100 gets `toTag` or a fresh To tag. */
  respond(request: SipMessage, status: number, reason: string, extra?: { headers?: Record<string, unknown>; toTag?: string }): void;
  close(): Promise<void>;
}

export type OnRequest = (request: SipMessage, remote: Remote) => void;

export async function startSipStack(options: SipStackOptions, onRequest: OnRequest): Promise<SipStack> {
  const { log } = options;
  const viaHost = options.publicAddress ?? options.host;
  const transactions = sip.makeTransactionLayer({});
  const transport = await startSipTransport(options, receive);

  function sendResponse(response: SipMessage): void {
    // makeResponse echoes the request's version; the desk speaks SIP/2.0 whatever it was sent (a 505 included).
    response.version = '2.0';
    const transaction = transactions.getServer(response);
    if (transaction) transaction.send(response);
    else log.debug({ callId: response.headers['call-id'], status: response.status }, 'SIP response with no transaction not sent');
  }

  function respond(request: SipMessage, status: number, reason: string, { headers = {}, toTag }: { headers?: Record<string, unknown>; toTag?: string } = {}): void {
    const response = sip.makeResponse(request, status, reason, { headers });
    const tag = request.headers.to.params.tag ?? (status > 100 ? (toTag ?? randomBytes(6).toString('hex')) : undefined);
    // makeResponse shares the request's To object: copied before the tag goes in.
    if (tag) response.headers.to = { ...request.headers.to, params: { ...request.headers.to.params, tag } };
    sendResponse(response);
  }

  function refuse(request: SipMessage, remote: Remote, problem: RequestProblem): void {
    log.warn({ method: request.method, callId: String(request.headers['call-id']).slice(0, 200), remote, status: problem.status, reason: problem.reason }, 'SIP request refused');
    respond(request, problem.status, problem.reason, problem.headers ? { headers: problem.headers } : {});
  }

  function receive(framed: FramedMessage, remote: Remote, framingProblem?: string): void {
    try {
      const read = readMessage(framed, framingProblem);
      if (!read) return log.warn({ remote, bytes: framed.head.length + framed.body.length }, 'SIP message dropped: it does not read as SIP');
      const { message, problem } = read;
      if (!message.method) {
        if (problem) return log.warn({ remote, reason: problem.reason }, 'SIP response dropped');
        const client = transactions.getClient(message);
        if (client) client.message(message);
        return;
      }
      // RFC 3261 §18.2.1 and RFC 3581: note where the request really came from, so responses go back there.
      const via = message.headers.via[0]!;
      via.params.received = remote.address;
      if (remote.protocol === 'UDP' && 'rport' in via.params) via.params.rport = String(remote.port);
      const existing = transactions.getServer(message);
      if (existing) return existing.message(message);
      // An ACK with no transaction is for a 2xx, which the desk never sends.
      if (message.method === 'ACK') return;
      transactions.createServerTransaction(message, transport.flowTo(remote));
      const refusal = problem ?? requestProblem(message);
      if (refusal) return refuse(message, remote, refusal);
      try {
        onRequest(message, remote);
      } catch (err) {
        log.warn({ err: (err as Error).message, remote, method: message.method }, 'SIP request failed');
        respond(message, 500, 'Server Internal Error');
      }
    } catch (err) {
      log.warn({ err: (err as Error).message, remote }, 'SIP message could not be handled');
    }
  }

  function sendRequest(request: SipMessage, onResponse: (response: SipMessage) => void): void {
    const uri = typeof request.uri === 'string' ? sip.parseUri(request.uri) : request.uri;
    if (!uri) throw new Error(`not a SIP URI: ${String(request.uri)}`);
    sip.resolve(uri, (targets) => {
      // The first target only: a failed request is retried by its sender (the registration backs off), not here.
      const target = targets[0];
      if (!target) return onResponse(sip.makeResponse(request, 503, `${uri.host} not resolved`));
      const protocol = target.protocol.toUpperCase();
      request.headers.via = [{ version: '2.0', protocol, host: viaHost, port: options.port, params: protocol === 'UDP' ? { rport: null } : {} }];
      // The error callback runs later than this (a socket event, or the next tick), when `client` exists.
      const connection = transport.open(target, () => client.message(sip.makeResponse(request, 503, 'Connection Failed')));
      const client = transactions.createClientTransaction(connection, request, onResponse);
    });
  }

  return {
    send(message, onResponse = () => undefined) {
      if (message.method === undefined) sendResponse(message);
      else sendRequest(message, onResponse);
    },
    respond,
    async close() {
      transactions.destroy();
      await transport.close();
    },
  };
}
