/**
 * One AMI session over TCP: login (plain or MD5 challenge), actions answered by
 * ActionID, a keep-alive Ping, and a reconnect with backoff whenever the link drops or
 * goes silent. The secret is sent to Asterisk and nowhere else: never logged.
 */
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { type BackoffBounds, createBackoff } from '../../../../shared/backoff.js';
import type { Logger } from '../../log.js';
import { type AmiMessage, createAmiReader, formatAmiAction } from './ami-protocol.js';

export interface AmiConnectionOptions {
  host: string;
  port: number;
  username: string;
  secret: string;
  /** md5: the secret never crosses the wire, only a hash of it with Asterisk's challenge. */
  authType: 'plain' | 'md5';
  pingIntervalMs: number;
  retry: BackoffBounds;
  log: Logger;
  /** Logged in and ready for actions: the place to rebuild state. */
  onReady(): void;
  /** An unsolicited event (no pending ActionID of ours). */
  onEvent(event: AmiMessage): void;
}

export interface AmiConnection {
  start(): void;
  stop(): Promise<void>;
  /** Sends an action and resolves with its Response; list actions resolve with their events too. */
  action(fields: AmiMessage, options?: { list?: boolean }): Promise<{ response: AmiMessage; events: AmiMessage[] }>;
}

interface Pending {
  list: boolean;
  response?: AmiMessage;
  events: AmiMessage[];
  resolve(result: { response: AmiMessage; events: AmiMessage[] }): void;
  reject(err: Error): void;
}

class AmiActionError extends Error {
  override name = 'AmiActionError';
}

export function createAmiConnection(options: AmiConnectionOptions): AmiConnection {
  const { log } = options;
  const pending = new Map<string, Pending>();
  let socket: Socket | null = null;
  let nextActionId = 1;
  const retry = createBackoff(options.retry);
  let retryTimer: NodeJS.Timeout | null = null;
  let pingTimer: NodeJS.Timeout | null = null;
  let stopped = true;

  const reader = createAmiReader((line) => log.warn({ line }, 'AMI line ignored: not "Key: Value"'));

  function failPending(reason: string): void {
    for (const entry of pending.values()) entry.reject(new AmiActionError(reason));
    pending.clear();
  }

  function send(fields: AmiMessage, list = false) {
    const actionId = `desk-${nextActionId++}`;
    return new Promise<{ response: AmiMessage; events: AmiMessage[] }>((resolve, reject) => {
      if (!socket || socket.destroyed) return reject(new AmiActionError('not connected to Asterisk'));
      pending.set(actionId, { list, events: [], resolve, reject });
      socket.write(formatAmiAction({ ...fields, ActionID: actionId }));
    });
  }

  function dispatch(message: AmiMessage): void {
    const mine = message.ActionID !== undefined ? pending.get(message.ActionID) : undefined;
    if (!mine) {
      if (message.Event) options.onEvent(message);
      return;
    }
    if (message.Response !== undefined) {
      mine.response = message;
      const listFollows = mine.list && message.Response === 'Success' && message.EventList === 'start';
      if (!listFollows) {
        pending.delete(message.ActionID!);
        mine.resolve({ response: message, events: [] });
      }
      return;
    }
    if (message.EventList === 'Complete') {
      pending.delete(message.ActionID!);
      mine.resolve({ response: mine.response!, events: mine.events });
      return;
    }
    mine.events.push(message);
  }

  async function login(): Promise<void> {
    const credentials: AmiMessage = { Action: 'Login', Username: options.username, Events: 'on' };
    if (options.authType === 'md5') {
      const { response } = await send({ Action: 'Challenge', AuthType: 'MD5' });
      const challenge = response.Challenge;
      if (response.Response !== 'Success' || !challenge) throw new AmiActionError(`MD5 challenge refused: ${response.Message ?? 'no challenge'}`);
      Object.assign(credentials, { AuthType: 'MD5', Key: createHash('md5').update(challenge + options.secret).digest('hex') });
    } else {
      credentials.Secret = options.secret;
    }
    const { response } = await send(credentials);
    if (response.Response !== 'Success') throw new AmiActionError(`login refused for "${options.username}": ${response.Message ?? 'no reason given'}`);
  }

  function keepAlive(): void {
    pingTimer = setInterval(() => {
      const timeout = setTimeout(() => {
        log.warn('AMI ping unanswered: reconnecting');
        socket?.destroy();
      }, options.pingIntervalMs);
      send({ Action: 'Ping' }).then(
        () => clearTimeout(timeout),
        () => clearTimeout(timeout),
      );
    }, options.pingIntervalMs);
  }

  function scheduleReconnect(): void {
    if (stopped || retryTimer) return;
    const inMs = retry.next();
    log.info({ inMs }, 'AMI reconnecting');
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, inMs);
  }

  function open(): void {
    reader.reset();
    const current = connect({ host: options.host, port: options.port });
    socket = current;
    current.setEncoding('utf8');
    current.setKeepAlive(true);
    let greeted = false;
    current.on('data', (chunk: string) => {
      for (const message of reader.push(chunk)) {
        if (message.Banner !== undefined) {
          if (greeted) continue;
          greeted = true;
          login().then(
            () => {
              retry.reset();
              log.info({ host: options.host, port: options.port, username: options.username }, 'AMI logged in');
              keepAlive();
              options.onReady();
            },
            (err: Error) => {
              log.error({ reason: err.message }, 'AMI login failed');
              current.destroy();
            },
          );
          continue;
        }
        dispatch(message);
      }
    });
    current.on('error', (err) => log.warn({ err: err.message, host: options.host, port: options.port }, 'AMI connection error'));
    current.on('close', () => {
      if (pingTimer) clearInterval(pingTimer);
      pingTimer = null;
      failPending('the AMI connection closed');
      if (socket === current) socket = null;
      scheduleReconnect();
    });
  }

  return {
    start() {
      stopped = false;
      open();
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      if (pingTimer) clearInterval(pingTimer);
      const closing = socket;
      if (closing && !closing.destroyed) {
        await new Promise<void>((resolve) => {
          closing.once('close', () => resolve());
          closing.end(formatAmiAction({ Action: 'Logoff', ActionID: 'desk-logoff' }));
          setTimeout(() => closing.destroy(), 500).unref();
        });
      }
    },
    action: (fields, opts) => send(fields, opts?.list ?? false),
  };
}
