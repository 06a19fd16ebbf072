/**
 * The browser host's transport: one WebSocket to the desk, reopened with backoff
 * whenever it drops (a host restart, a laptop waking up). Requests made while it is
 * down fail at once with a clear error instead of hanging.
 *
 * The socket takes only a client that offers the host's per-run secret, which the host
 * puts in the page it serves. A restarted host has a new one, so a socket that could
 * not open reads it again from a fresh copy of the page before the next try.
 */
import { createBackoff } from '../../../shared/backoff.js';
import type { DeskEvent } from '../../../shared/desk-api.js';
import {
  type DeskErrorKey,
  deskError,
  DESK_SOCKET_PATH,
  DESK_SOCKET_SECRET_META,
  deskSocketProtocols,
  type RequestEnvelope,
  type ResponseEnvelope,
  type ServerFrame,
} from '../../../shared/desk-wire.js';
import type { ConnectionState, DeskTransport } from './transport.js';

const RETRY = { firstMs: 250, maxMs: 5_000 };
const REQUEST_TIMEOUT_MS = 15_000;

function secretIn(document: Document): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${DESK_SOCKET_SECRET_META}"]`)?.content ?? '';
}

/** The secret in a fresh copy of the page; the one we had when the host cannot be reached. */
async function freshSecret(location: Location, current: string): Promise<string> {
  try {
    const response = await fetch(new URL('./', location.href), { cache: 'no-store' });
    if (!response.ok) return current;
    return secretIn(new DOMParser().parseFromString(await response.text(), 'text/html')) || current;
  } catch {
    return current;
  }
}

interface Pending {
  resolve(response: ResponseEnvelope): void;
  timer: ReturnType<typeof setTimeout>;
}

export function socketTransport(location: Location = window.location): DeskTransport {
  let secret = secretIn(document);
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${DESK_SOCKET_PATH}`;
  const eventListeners = new Set<(event: DeskEvent) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const pending = new Map<number, Pending>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket;
  const retry = createBackoff(RETRY);

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(state);
  }

  function failAll(key: DeskErrorKey): void {
    for (const [id, request] of pending) {
      clearTimeout(request.timer);
      request.resolve({ id, ok: false, error: deskError('internal', key) });
    }
    pending.clear();
  }

  function open(): void {
    let opened = false;
    socket = new WebSocket(url, deskSocketProtocols(secret));
    socket.onopen = () => {
      opened = true;
      retry.reset();
      setState('connected');
    };
    socket.onmessage = (message) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(message.data)) as ServerFrame;
      } catch {
        console.error('desk sent a frame that is not JSON', message.data);
        return;
      }
      if (frame.type === 'event') {
        const { type: _type, ...event } = frame;
        for (const listener of eventListeners) listener(event as DeskEvent);
        return;
      }
      const request = pending.get(frame.id);
      if (!request) return;
      pending.delete(frame.id);
      clearTimeout(request.timer);
      const { type: _type, ...response } = frame;
      request.resolve(response as ResponseEnvelope);
    };
    socket.onclose = () => {
      failAll('disconnected');
      setState('disconnected');
      const delay = retry.next();
      if (opened) return void setTimeout(open, delay);
      void freshSecret(location, secret).then((next) => {
        secret = next;
        setTimeout(open, delay);
      });
    };
  }
  open();

  return {
    request(envelope: RequestEnvelope) {
      if (state !== 'connected') {
        return Promise.resolve({ id: envelope.id, ok: false, error: deskError('internal', 'notConnected') });
      }
      return new Promise<ResponseEnvelope>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(envelope.id);
          resolve({ id: envelope.id, ok: false, error: deskError('internal', 'timeout') });
        }, REQUEST_TIMEOUT_MS);
        pending.set(envelope.id, { resolve, timer });
        socket.send(JSON.stringify(envelope));
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
  };
}
