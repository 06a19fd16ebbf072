/**
 * A TCP server on loopback that speaks enough AMI for the desk's client: the banner,
 * Challenge/Login (plain and MD5), Ping, the CoreShowChannels and QueueStatus lists,
 * and transcripts of events played on demand. Parsing here is deliberately separate
 * from the client's, so the two cannot share a bug.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';

export interface AmiServerOptions {
  username: string;
  secret: string;
  /** CoreShowChannel events (raw text) answered to CoreShowChannels. */
  channels?: string;
}

export type AmiAction = Record<string, string>;

export function amiTranscript(name: string): string {
  return readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ami', `${name}.ami`), 'latin1');
}

export async function startAmiServer(options: AmiServerOptions) {
  const sockets = new Set<Socket>();
  const actions: AmiAction[] = [];
  const state = { channels: options.channels ?? '', logins: 0, failedLogins: 0, answerPings: true };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write('Asterisk Call Manager/9.0.0\r\n');
    let buffer = '';
    let challenge = '';
    socket.on('data', (data) => {
      buffer += data.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n\r\n')) >= 0) {
        const action = Object.fromEntries(
          buffer
            .slice(0, end)
            .split('\r\n')
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
        ) as AmiAction;
        buffer = buffer.slice(end + 4);
        actions.push(action);
        const id = `ActionID: ${action.ActionID}\r\n`;
        const reply = (text: string) => socket.write(`${text.replace(/\n/g, '\r\n')}\r\n`);
        switch (action.Action) {
          case 'Challenge':
            challenge = String(100000000 + Math.floor(Math.random() * 800000000));
            reply(`Response: Success\n${id}Challenge: ${challenge}\n`);
            break;
          case 'Login': {
            const good =
              action.Username === options.username &&
              (action.AuthType?.toLowerCase() === 'md5'
                ? action.Key === createHash('md5').update(challenge + options.secret).digest('hex')
                : action.Secret === options.secret);
            if (good) state.logins++;
            else state.failedLogins++;
            reply(good ? `Response: Success\n${id}Message: Authentication accepted\n` : `Response: Error\n${id}Message: Authentication failed\n`);
            if (good) reply('Event: FullyBooted\nPrivilege: system,all\nUptime: 1000\nLastReload: 1000\nStatus: Fully Booted\n');
            else socket.end();
            break;
          }
          case 'Ping':
            if (state.answerPings) reply(`Response: Success\n${id}Ping: Pong\nTimestamp: 1732456800.000000\n`);
            break;
          case 'CoreShowChannels': {
            const items = state.channels.split('\r\n\r\n').filter((e) => e.trim() !== '');
            reply(`Response: Success\n${id}EventList: start\nMessage: Channels will follow\n`);
            for (const item of items) socket.write(`${item.replace(/\r\n$/, '')}\r\n${id}\r\n`);
            reply(`Event: CoreShowChannelsComplete\n${id}EventList: Complete\nListItems: ${items.length}\n`);
            break;
          }
          case 'QueueStatus':
            reply(`Response: Success\n${id}EventList: start\nMessage: Queue status will follow\n`);
            reply(`Event: QueueStatusComplete\n${id}EventList: Complete\nListItems: 0\n`);
            break;
          case 'Logoff':
            reply(`Response: Goodbye\n${id}Message: Thanks for all the fish.\n`);
            socket.end();
            break;
          default:
            reply(`Response: Error\n${id}Message: Invalid/unknown command\n`);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    actions,
    state,
    /** Writes a transcript to every logged-in client, as Asterisk would stream it. */
    play(text: string) {
      for (const socket of sockets) socket.write(text);
    },
    /** Drops every connection at once, as a PBX restart or a network cut would. */
    cut() {
      for (const socket of sockets) socket.destroy();
    },
    clients: () => sockets.size,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
