/**
 * The board's link to the hub: log in for a session token (kept for this browser tab
 * only), then one WebSocket carrying the token as a subprotocol, re-opened with backoff.
 * A socket the hub refuses before it opens means the session is gone: back to the login.
 */
import { createBackoff } from '../../../../shared/backoff.js';
import { BOARD_PROTOCOL, bearerProtocol } from '../../../../shared/board.js';
import { createHubClient, type HubAnswer, hubSocketUrl, readHubFrame } from '../../../../shared/hub-client.js';
import type { hubRequests } from '../../../../shared/hub-api.js';
import { type BoardLink, useBoard } from './board-state.js';

const TOKEN_KEY = 'agent-desk-board-token';
const RETRY = { firstMs: 500, maxMs: 10_000 };

/** The hub that served this page, called with `token`'s session. */
const hubAs = (token: string | null) => createHubClient({ url: location.origin, token: () => token });

/** Logs in for a session; a refusal lands in the board's `problem`, for the login form to say. */
export async function logIn(username: string, password: string): Promise<void> {
  const board = useBoard.getState();
  let answer: HubAnswer<typeof hubRequests.login>;
  try {
    answer = await hubAs(null).call('login', { body: { username, password } });
  } catch {
    return board.setConnection('login', { key: 'hubUnreachable' });
  }
  if (!answer.ok && answer.status === 401) return board.setConnection('login', { key: 'wrongLogin' });
  if (!answer.ok) return board.setConnection('login', { key: 'loginFailed', values: { reason: answer.message ?? String(answer.status) } });
  const session = answer.value;
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
  await hubAs(token).call('logout').catch(() => undefined);
}

export function connectBoard(): void {
  const token = savedToken();
  const board = useBoard.getState();
  if (token === null || board.link) return;
  const backoff = createBackoff(RETRY);
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
    const ws = new WebSocket(hubSocketUrl(location.origin, 'boardLive'), [BOARD_PROTOCOL, bearerProtocol(token)]);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      backoff.reset();
      board.setConnection('live');
    };
    ws.onmessage = (message) => {
      const update = readHubFrame('boardLive', String(message.data));
      if (update.success) useBoard.getState().apply(update.data);
      else console.error('the hub sent a malformed board update', update.error);
    };
    ws.onclose = () => {
      if (!current()) return;
      const retry = () => {
        if (!current()) return;
        board.setConnection('reconnecting');
        retryTimer = setTimeout(open, backoff.next());
      };
      if (opened) return retry();
      // Refused before it opened: a hub that is down (try again), or a session that ended (log in again).
      void hubAs(token).call('board').then(
        (answer) => {
          if (answer.ok || (answer.status !== 401 && answer.status !== 403)) return retry();
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
