/**
 * How the contract travels: the envelopes both transports (Electron IPC and the
 * browser host's WebSocket) carry, and the one dispatcher both bind, so only the
 * transport differs between the two hosts.
 */
import { z } from 'zod';
import { type DeskEvent, type DeskHandlers, deskRequests, isDeskRequestName } from './desk-api.js';
import type { Translation } from './i18n/translations.js';
import { translatorFor } from './i18n/translator.js';
import { CONTROL_CHARACTERS } from './text-rules.js';
import { describeIssues } from './zod-issues.js';

export const RequestEnvelopeSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  input: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelopeSchema>;

/** A sentence for the operator, under "errors" in the locale files: the desk names it, each UI says it in its agent's language. */
export type DeskErrorKey = keyof Translation['errors'];
type ErrorValues = Record<string, string | number>;

export const DeskErrorSchema = z.object({
  /** refused: understood, and said no to (a wrong password, say); the message says why. */
  code: z.enum(['bad_request', 'unknown_request', 'not_found', 'refused', 'internal']),
  /** In English, for logs and tools; a UI shows `key` in its own language. */
  message: z.string(),
  key: z.string().max(64).optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type DeskError = z.infer<typeof DeskErrorSchema>;

/** An error envelope's body for one of the operator's sentences. */
export function deskError(code: DeskError['code'], key: DeskErrorKey, values: ErrorValues = {}): DeskError {
  return { code, message: translatorFor('en')(`errors.${key}`, values), key, values };
}

export type ResponseEnvelope =
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; error: DeskError };

/** Server → UI frames on the WebSocket: a response to a request, or an event. */
export type ServerFrame = ({ type: 'response' } & ResponseEnvelope) | ({ type: 'event' } & DeskEvent);

/** Thrown by a handler to answer with a specific code and sentence rather than "internal". */
export class DeskRequestError extends Error {
  readonly error: DeskError;
  constructor(code: DeskError['code'], key: DeskErrorKey, values: ErrorValues = {}) {
    const error = deskError(code, key, values);
    super(error.message);
    this.name = 'DeskRequestError';
    this.error = error;
  }
}

/**
 * A bad request as the operator's sentence: a refinement they can act on names its sentence
 * in the issue's `params.errorKey` (see NewCustomerSchema); any other is "check what you entered".
 * The schema paths go to `message`, for the log and tools.
 */
export function badRequestError(error: z.ZodError, what: string): DeskError {
  const named = error.issues.find((i) => i.code === 'custom' && typeof i.params?.errorKey === 'string');
  // Invisible characters get their own sentence: checking what you see would never find them.
  const key = named?.code === 'custom' ? (named.params!.errorKey as DeskErrorKey) : error.issues.some((i) => i.message === CONTROL_CHARACTERS) ? 'controlCharacters' : 'badRequest';
  return { ...deskError('bad_request', key), message: `${what}: ${describeIssues(error)}` };
}

/**
 * Validates a request against the contract, runs its handler and wraps the outcome.
 * Never throws: a bad request or a failing handler becomes an error envelope.
 */
export function createDeskDispatcher(handlers: DeskHandlers, onInternalError: (name: string, err: unknown) => void) {
  return async function dispatch(envelope: RequestEnvelope): Promise<ResponseEnvelope> {
    const { id, name, input } = envelope;
    if (!isDeskRequestName(name)) {
      // A UI newer or older than its desk: the operator can only try again, IT reads the message.
      return { id, ok: false, error: { ...deskError('unknown_request', 'internal'), message: `no request named "${name}"` } };
    }
    const parsed = deskRequests[name].input.safeParse(input ?? {});
    if (!parsed.success) return { id, ok: false, error: badRequestError(parsed.error, name) };
    try {
      const handler = handlers[name] as (params: unknown) => Promise<unknown>;
      return { id, ok: true, output: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof DeskRequestError) return { id, ok: false, error: err.error };
      onInternalError(name, err);
      return { id, ok: false, error: { ...deskError('internal', 'internal'), message: `${name} failed; the desk log has the details` } };
    }
  };
}

/** The WebSocket path on the browser host where the contract is served. */
export const DESK_SOCKET_PATH = '/api/desk';

/**
 * The desk socket's subprotocol. A browser cannot set headers on a WebSocket, so the
 * page offers the host's per-run secret as a second subprotocol, `secret.<value>`:
 * that keeps it out of URLs and access logs. The host answers with this name only.
 */
export const DESK_SOCKET_PROTOCOL = 'agent-desk.v1';
const SECRET_PROTOCOL_PREFIX = 'secret.';

/** The meta element in the page the browser host serves that carries the socket's secret. */
export const DESK_SOCKET_SECRET_META = 'agent-desk-socket-secret';

/** What the page offers when it opens the desk socket. */
export function deskSocketProtocols(secret: string): string[] {
  return [DESK_SOCKET_PROTOCOL, `${SECRET_PROTOCOL_PREFIX}${secret}`];
}

/** The secret among the subprotocols a client offered (the Sec-WebSocket-Protocol header), if any. */
export function secretFromProtocols(header: string | undefined): string | null {
  const offered = (header ?? '').split(',').map((p) => p.trim());
  return offered.find((p) => p.startsWith(SECRET_PROTOCOL_PREFIX))?.slice(SECRET_PROTOCOL_PREFIX.length) ?? null;
}

/** Electron IPC channels; the preload and the main process both take them from here. */
export const DESK_IPC = { request: 'desk:request', event: 'desk:event' } as const;

/** The global name under which the Electron preload exposes its {@link DeskBridge}. */
export const DESK_BRIDGE_GLOBAL = 'agentDesk';

/** What the Electron preload exposes: the raw transport, from which the renderer derives its typed client. */
export interface DeskBridge {
  request(envelope: RequestEnvelope): Promise<ResponseEnvelope>;
  subscribe(listener: (event: DeskEvent) => void): () => void;
}
