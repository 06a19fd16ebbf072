/**
 * The board's link to the hub: log in for a session token (kept for this browser tab
 * only), then one WebSocket carrying the token as a subprotocol, re-opened with backoff.
 * A socket the hub refuses before it opens means the session is gone: back to the login.
 */
import { BOARD_PROTOCOL, BoardUpdateSchema, bearerProtocol } from '../../../../shared/board.js';
import { parseJson } from '../../../../shared/json.js';
import { SessionSchema } from '../../../../shared/sync.js';
import { type BoardLink, useBoard } from './board-state.js';

const TOKEN_KEY = 'agent-desk-board-token';
const RETRY_MS = { first: 500, max: 10_000 };

/** Logs in for a session; a refusal lands in the board's `problem`, for the login form to say. */
export async function logIn(username: string, password: string): Promise<void> {
  const board = useBoard.getState();
  let response: Response;
  try {
    response = await fetch('/v1/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    return board.setConnection('login', { key: 'hubUnreachable' });
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 401) return board.setConnection('login', { key: 'wrongLogin' });
  if (!response.ok) {
    return board.setConnection('login', { key: 'loginFailed', values: { reason: (body as { message?: string } | null)?.message ?? String(response.status) } });
  }
  const session = SessionSchema.parse(body);
  if (session.agent.role === 'operator') return board.setConnection('forbidden', { key: 'operatorForbidden', values: { name: session.agent.name } });
  sessionStorage.setItem(TOKEN_KEY, session.token);
  connectBoard();
}

export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Ends the session on the hub and on this screen: the token is forgotten and the socket closed for good. */
export async function logOut(): Promise<void> {
  const token = savedToken();
  sessionStorage.removeItem(TOKEN_KEY);
  useBoard.getState().link?.close();
  useBoard.getState().setConnection('login');
  if (token === null) return;
  // A hub that cannot be reached now forgets the session when it expires; this screen has let go of it either way.
  await fetch('/v1/sessions/current', { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}

export function connectBoard(): void {
  const token = savedToken();
  const board = useBoard.getState();
  if (token === null || board.link) return;
  let retryMs = RETRY_MS.first;
  let socket: WebSocket | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const current = () => useBoard.getState().link === connection;
  const connection: BoardLink = {
    close() {
      if (current()) board.setLink(null);
      clearTimeout(retryTimer);
      socket?.close();
    },
  };
  board.setLink(connection);
  const open = () => {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/board/live`, [BOARD_PROTOCOL, bearerProtocol(token)]);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      retryMs = RETRY_MS.first;
      board.setConnection('live');
    };
    ws.onmessage = (message) => {
      const update = BoardUpdateSchema.safeParse(parseJson(String(message.data)));
      if (update.success) useBoard.getState().apply(update.data);
      else console.error('the hub sent a malformed board update', update.error);
    };
    ws.onclose = () => {
      if (!current()) return;
      const retry = () => {
        if (!current()) return;
        board.setConnection('reconnecting');
        retryTimer = setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MS.max);
      };
      if (opened) return retry();
      // Refused before it opened: a hub that is down (try again), or a session that ended (log in again).
      void fetch('/v1/board', { headers: { authorization: `Bearer ${token}` } }).then(
        (response) => {
          if (response.status !== 401 && response.status !== 403) return retry();
          connection.close();
          sessionStorage.removeItem(TOKEN_KEY);
          board.setConnection('login', { key: 'sessionEnded' });
        },
        retry,
      );
    };
  };
  board.setConnection('connecting');
  open();
}
