/**
 * One UI attached over a WebSocket: requests in, responses and desk events out, in
 * the envelopes shared/desk-wire.ts declares. A frame that does not parse is
 * answered with an error and logged; the connection and the desk carry on. A client
 * that stops reading is dropped once its send queue is full (listener-limits.ts).
 */
import type { WebSocket } from 'ws';
import type { DeskEvent } from '../../../shared/desk-api.js';
import {
  RequestEnvelopeSchema,
  type RequestEnvelope,
  type ResponseEnvelope,
  type ServerFrame,
} from '../../../shared/desk-wire.js';
import { describeIssues } from '../../../shared/zod-issues.js';
import type { Logger } from '../log.js';
import { type ListenerLimits, sendOrDropSlowClient } from './listener-limits.js';

/** The id of a response to a frame too broken to carry its own id. */
const UNATTRIBUTABLE = -1;

export interface DeskSocketDeps {
  dispatch(envelope: RequestEnvelope): Promise<ResponseEnvelope>;
  subscribe(listener: (event: DeskEvent) => void): () => void;
  log: Logger;
  limits: Pick<ListenerLimits, 'maxSendQueueBytes'>;
}

export function attachDeskSocket(socket: WebSocket, { dispatch, subscribe, log, limits }: DeskSocketDeps): void {
  const send = (frame: ServerFrame) => void sendOrDropSlowClient(socket, JSON.stringify(frame), limits, log);
  const unsubscribe = subscribe((event) => send({ type: 'event', ...event }));
  socket.on('close', unsubscribe);
  socket.on('error', (err) => log.warn({ err }, 'desk socket error'));

  socket.on('message', (data, isBinary) => {
    const rejected = (message: string) => {
      log.warn({ reason: message }, 'desk socket frame rejected');
      send({ type: 'response', id: UNATTRIBUTABLE, ok: false, error: { code: 'bad_request', message } });
    };
    if (isBinary) return rejected('binary frames are not part of the desk protocol; send JSON text');
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch (err) {
      return rejected(`not JSON: ${(err as Error).message}`);
    }
    const envelope = RequestEnvelopeSchema.safeParse(json);
    if (!envelope.success) return rejected(`not a request envelope: ${describeIssues(envelope.error)}`);
    void dispatch(envelope.data).then((response) => send({ type: 'response', ...response }));
  });
}
