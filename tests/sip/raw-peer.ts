/**
 * A SIP peer made of bare sockets on loopback, for the messages sipp cannot send (two
 * requests in one datagram, duplicate headers, broken framing): it writes exactly the
 * bytes given and records every response the desk sends back.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, type Socket as TcpSocket } from 'node:net';
import { pino } from 'pino';
import type { Logger } from '../../electron/services/log.js';
import type { Cleanup } from '../support/cleanups.js';
import { until } from '../support/until.js';

export interface SipResponse {
  status: number;
  callId: string | undefined;
  text: string;
}

const header = (text: string, name: RegExp) => name.exec(text)?.[1]?.trim();

/** One header's value in a response, by its full or compact name. */
export function responseHeader(response: SipResponse, name: string): string | undefined {
  return header(response.text, new RegExp(`^${name}\\s*:(.*)$`, 'im'));
}

function toResponses(text: string): SipResponse[] {
  return text
    .split(/(?=^SIP\/2\.0 \d{3})/m)
    .filter((part) => part.startsWith('SIP/2.0'))
    .map((part) => ({ status: Number(part.slice(8, 11)), callId: header(part, /^(?:Call-ID|i)\s*:(.*)$/im), text: part }));
}

export interface Request {
  method?: string;
  uri?: string;
  callId: string;
  branch?: string;
  /** The top Via's sent-by. */
  sentBy?: string;
  transport?: 'UDP' | 'TCP';
  from?: string;
  to?: string;
  cseq?: number;
  /** Further header lines, as written. */
  headers?: string[];
  body?: string;
}

/** A request with the mandatory headers, a Content-Length that counts the body's bytes, CRLF line ends. */
export function sipRequest(r: Request): string {
  const method = r.method ?? 'INVITE';
  const body = r.body ?? '';
  return [
    `${method} ${r.uri ?? 'sip:1001@127.0.0.1'} SIP/2.0`,
    `Via: SIP/2.0/${r.transport ?? 'UDP'} ${r.sentBy ?? '127.0.0.1:5999'};branch=${r.branch ?? `z9hG4bK-${r.callId}`}`,
    `From: ${r.from ?? '"Ivan Ivanov" <sip:+359888123456@pbx.test>;tag=from-1'}`,
    `To: ${r.to ?? '<sip:1001@127.0.0.1>'}`,
    `Call-ID: ${r.callId}`,
    `CSeq: ${r.cseq ?? 1} ${method}`,
    'Max-Forwards: 70',
    ...(r.headers ?? []),
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

export interface UdpPeer {
  port: number;
  responses: SipResponse[];
  send(data: string | Buffer, port: number): Promise<void>;
  /** Waits for a response with this status (and Call-ID, when given). */
  waitFor(status: number, callId?: string, ms?: number): Promise<SipResponse>;
  close(): void;
}

export async function udpPeer(): Promise<UdpPeer> {
  const socket: UdpSocket = createSocket('udp4');
  const responses: SipResponse[] = [];
  socket.on('message', (data) => responses.push(...toResponses(data.toString('utf8'))));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const find = (status: number, callId?: string) => responses.find((r) => r.status === status && (callId === undefined || r.callId === callId));
  return {
    port: socket.address().port,
    responses,
    send: (data, port) => new Promise((resolve) => socket.send(data, port, '127.0.0.1', () => resolve())),
    async waitFor(status, callId, ms = 3_000) {
      await until(() => find(status, callId) !== undefined, `a ${status} to ${callId ?? 'any request'}`, ms);
      return find(status, callId)!;
    },
    close: () => socket.close(),
  };
}

/** A UDP peer that the test's cleanups close. */
export async function udpPeerClosedBy(cleanups: Cleanup[]): Promise<UdpPeer> {
  const peer = await udpPeer();
  cleanups.push(() => peer.close());
  return peer;
}

export interface TcpPeer {
  socket: TcpSocket;
  responses: () => SipResponse[];
  /** Resolves when the desk closes the connection. */
  closed: Promise<void>;
  isClosed(): boolean;
  waitFor(status: number, callId?: string, ms?: number): Promise<SipResponse>;
}

export async function tcpPeer(port: number): Promise<TcpPeer> {
  const socket = connect(port, '127.0.0.1');
  const responses: SipResponse[] = [];
  let pending = '';
  let closed = false;
  socket.on('data', (data) => {
    pending += data.toString('utf8');
    // Responses are cut off as they complete, so a long run never re-reads what it has read.
    for (let end = pending.indexOf('\r\n\r\n'); end !== -1; end = pending.indexOf('\r\n\r\n')) {
      const length = Number(header(pending.slice(0, end), /^(?:Content-Length|l)\s*:(.*)$/im) ?? 0);
      if (pending.length < end + 4 + length) break;
      responses.push(...toResponses(pending.slice(0, end + 4 + length)));
      pending = pending.slice(end + 4 + length);
    }
  });
  socket.on('error', () => undefined);
  const closedPromise = new Promise<void>((resolve) => socket.once('close', () => ((closed = true), resolve())));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  const find = (status: number, callId?: string) => responses.find((r) => r.status === status && (callId === undefined || r.callId === callId));
  return {
    socket,
    responses: () => responses,
    closed: closedPromise,
    isClosed: () => closed,
    async waitFor(status, callId, ms = 3_000) {
      await until(() => find(status, callId) !== undefined, `a ${status} to ${callId ?? 'any request'} over TCP`, ms);
      return find(status, callId)!;
    },
  };
}

/** A logger whose lines the test reads: a rejection must be logged, not only refused. */
export function capturingLogger(): { log: Logger; lines: string[]; messages: () => string[] } {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  return { log, lines, messages: () => lines.map((l) => (JSON.parse(l) as { msg: string }).msg) };
}
