/**
 * A test's own client of the browser host's desk socket, authenticated the way the
 * served page is: the per-run secret read from the page, offered as a subprotocol.
 */
import WebSocket from 'ws';
import { DESK_SOCKET_PATH, DESK_SOCKET_SECRET_META, deskSocketProtocols } from '../../shared/desk-wire.js';

/** The secret in the page the host serves at `pageUrl`, as the renderer finds it. */
export async function readSocketSecret(pageUrl: string): Promise<string> {
  const html = await (await fetch(pageUrl)).text();
  const secret = new RegExp(`<meta name="${DESK_SOCKET_SECRET_META}" content="([^"]+)"`).exec(html)?.[1];
  if (!secret) throw new Error(`no ${DESK_SOCKET_SECRET_META} in the page at ${pageUrl}`);
  return secret;
}

export interface DeskSocketClient {
  ws: WebSocket;
  frames: unknown[];
  /** Sends one request and resolves with its response frame. */
  request(name: string, input?: unknown): Promise<{ ok: boolean; output?: unknown; error?: { code: string; message: string } }>;
}

/** Opens the desk socket of the host at `baseUrl` (http://127.0.0.1:port/); rejects with "HTTP <status>" when refused. */
export function openDeskSocket(baseUrl: string, { secret, headers = {} }: { secret: string | null; headers?: Record<string, string> }): Promise<DeskSocketClient> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws').replace(/\/$/, '')}${DESK_SOCKET_PATH}`, secret === null ? [] : deskSocketProtocols(secret), { headers });
  const frames: unknown[] = [];
  let nextId = 1;
  ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
  const request: DeskSocketClient['request'] = (name, input = {}) => {
    const id = nextId++;
    ws.send(JSON.stringify({ id, name, input }));
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const look = () => {
        const frame = frames.find((f) => (f as { type: string; id?: number }).type === 'response' && (f as { id: number }).id === id);
        if (frame) return resolve(frame as Awaited<ReturnType<DeskSocketClient['request']>>);
        if (Date.now() - started > 10_000) return reject(new Error(`no response to ${name} in 10 s`));
        setTimeout(look, 5);
      };
      look();
    });
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, request }));
    ws.once('unexpected-response', (req, res) => {
      req.destroy();
      reject(new Error(`HTTP ${res.statusCode}`));
    });
    ws.once('error', reject);
  });
}
