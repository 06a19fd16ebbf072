/**
 * The part of the `sip` package (kirm/sip.js) that the desk uses: its RFC 3261 header
 * parser and serialiser, its transaction layer, its resolver and its digest. Its own
 * transports are not used (see sip-transport.ts). The package ships no types.
 */
declare module 'sip' {
  export interface SipUri {
    schema: string;
    user?: string;
    host: string;
    port?: number;
    params: Record<string, string | null>;
    headers: Record<string, string>;
  }
  export interface NameAddr {
    name?: string;
    uri: string;
    params: Record<string, string | null | undefined>;
  }
  export interface Via {
    version?: string;
    protocol?: string;
    host: string;
    port?: number;
    params: Record<string, string | null | undefined>;
  }
  export interface SipHeaders {
    via: Via[];
    to: NameAddr;
    from: NameAddr;
    'call-id': string;
    cseq: { seq: number; method: string };
    contact?: NameAddr[] | '*';
    'content-length'?: number;
    [name: string]: unknown;
  }
  export interface SipMessage {
    method?: string;
    uri?: string | SipUri;
    version?: string;
    status?: number;
    reason?: string;
    headers: SipHeaders;
    content?: string;
  }
  /** Where a request should go, as `resolve` finds it from a URI. */
  export interface Target {
    protocol: string;
    address: string;
    port: number;
  }
  /** What the transaction layer sends through: one flow to one peer. */
  export interface Connection {
    protocol: string;
    send(message: SipMessage): void;
    release(): void;
  }
  export interface ServerTransaction {
    send(response: SipMessage): void;
    message(request: SipMessage): void;
  }
  export interface ClientTransaction {
    message(response: SipMessage): void;
  }
  export interface TransactionLayer {
    createServerTransaction(request: SipMessage, connection: Connection): ServerTransaction;
    createClientTransaction(connection: Connection, request: SipMessage, onResponse: (response: SipMessage) => void): ClientTransaction;
    getServer(message: SipMessage): ServerTransaction | undefined;
    getClient(message: SipMessage): ClientTransaction | undefined;
    destroy(): void;
  }
  /** Options read: `max-forwards` of the ACKs it builds. */
  export function makeTransactionLayer(options: { 'max-forwards'?: number }): TransactionLayer;
  /** RFC 3263 in brief: an IP address as is, else SRV then A/AAAA records; calls back with every target found. */
  export function resolve(uri: SipUri, onTargets: (targets: Target[]) => void): void;
  export function makeResponse(request: SipMessage, status: number, reason: string, extension?: { headers?: Record<string, unknown>; content?: string }): SipMessage;
  export function parseUri(uri: string): SipUri | undefined;
  export function stringifyUri(uri: SipUri | string): string;
  /** A whole message (head, blank line, body) to its parts; undefined when the start line or a header line does not read. */
  export function parse(data: string): SipMessage | undefined;
  export function stringify(message: SipMessage): string;
  export function generateBranch(): string;
}

declare module 'sip/digest.js' {
  import type { SipMessage } from 'sip';
  export interface ClientContext {
    [key: string]: unknown;
  }
  /** Adds an Authorization (or Proxy-Authorization) header answering the challenge in `challenge`. */
  export function signRequest(ctx: ClientContext, request: SipMessage, challenge: SipMessage, credentials: { user: string; password: string }): ClientContext | null;
}
