/**
 * How the renderer reaches its desk: the raw envelopes of shared/desk-wire.ts plus a
 * connection state. Electron's preload and the browser host's WebSocket are the two
 * implementations; everything above this line is the same in both hosts.
 */
import type { DeskEvent } from '../../../shared/desk-api.js';
import type { DeskBridge } from '../../../shared/desk-wire.js';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface DeskTransport extends DeskBridge {
  /** Called now with the current state and again on every change. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** Electron: the preload's bridge is there for the window's whole life, so it is always connected. */
export function bridgeTransport(bridge: DeskBridge): DeskTransport {
  return {
    request: (envelope) => bridge.request(envelope),
    subscribe: (listener: (event: DeskEvent) => void) => bridge.subscribe(listener),
    onConnection(listener) {
      listener('connected');
      return () => undefined;
    },
  };
}
