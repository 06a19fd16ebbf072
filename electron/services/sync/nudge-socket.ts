/**
 * The WebSocket the hub writes to after every write, so a desk pulls at once rather than
 * at its next safety-net cycle. The hub takes its closing as the desk having gone (the
 * board shows the agent offline after a grace), so the desk keeps it open while it can.
 */
import WebSocket from 'ws';
import { hubSocketUrl, readHubFrame } from '../../../shared/hub-client.js';
import type { Logger } from '../log.js';

export interface NudgeListener {
  /** The hub's newest version, which may be past the store's cursor. */
  onVersion(version: number): void;
  onOpen(): void;
  onClose(): void;
}

export function openNudgeSocket(hubUrl: string, token: string, listener: NudgeListener, log: Logger): { close(): void } {
  const ws = new WebSocket(hubSocketUrl(hubUrl, 'nudges'), { headers: { authorization: `Bearer ${token}` } });
  ws.on('message', (data) => {
    const nudge = readHubFrame('nudges', data.toString());
    if (nudge.success) listener.onVersion(nudge.data.version);
    else log.warn('the hub sent a nudge that is not one; ignored');
  });
  ws.on('open', () => listener.onOpen());
  ws.on('error', (err) => log.debug({ err }, 'hub nudge socket failed'));
  ws.on('close', () => listener.onClose());
  return { close: () => ws.close() };
}
