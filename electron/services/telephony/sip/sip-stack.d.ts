/**
 * The part of the `sip` package (kirm/sip.js: RFC 3261 parser, UDP/TCP transports,
 * transaction layer, digest) that the desk uses; the package ships no types.
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
  export interface Remote {
    protocol: string;
    address: string;
    port: number;
  }
  export interface StackOptions {
    address?: string;
    port?: number;
    publicAddress?: string;
    hostname?: string;
    udp?: boolean;
    tcp?: boolean;
    logger?: { error?(err: unknown): void; send?(m: SipMessage, target: Remote): void; recv?(m: SipMessage, remote: Remote): void };
  }
  export interface Stack {
    send(message: SipMessage, onResponse?: (response: SipMessage) => void): void;
    destroy(): void;
  }
  export function create(options: StackOptions, onRequest: (request: SipMessage, remote: Remote) => void): Stack;
  export function makeResponse(request: SipMessage, status: number, reason: string, extension?: { headers?: Record<string, unknown>; content?: string }): SipMessage;
  export function parseUri(uri: string): SipUri | undefined;
  export function stringifyUri(uri: SipUri | string): string;
  export function parse(data: string | Buffer): SipMessage | undefined;
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
