/** Picks the transport of whichever host the renderer is running in. */
import { DESK_BRIDGE_GLOBAL, type DeskBridge } from '../../../shared/desk-wire.js';
import { socketTransport } from './socket-transport.js';
import { bridgeTransport, type DeskTransport } from './transport.js';

export function connectToDesk(): DeskTransport {
  const bridge = (window as unknown as Record<string, DeskBridge | undefined>)[DESK_BRIDGE_GLOBAL];
  return bridge ? bridgeTransport(bridge) : socketTransport();
}
