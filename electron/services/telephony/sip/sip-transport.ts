/**
 * The SIP endpoint's sockets: one UDP socket and one TCP server on the same port, and
 * the TCP connections in and out (one per peer address and port, so a response goes back
 * on the connection its request came on, RFC 3261 §18.2.2). The desk owns this layer
 * instead of the `sip` package's, which framed TCP unsafely, decoded text as latin1 and
 * put no bound on connections, idle time or unread output. Limits: sip-limits.ts.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, connect, isIPv6, type Server, type Socket } from 'node:net';
import type { Connection, SipMessage, Target } from 'sip';
import * as sip from 'sip';
import type { Logger } from '../../log.js';
import { createStreamFramer, frameDatagram, type FramedMessage } from './sip-framing.js';
import type { SipLimits } from './sip-limits.js';

export type Protocol = 'UDP' | 'TCP';

/** Where a message came from: the flow a response goes back on. */
export interface Remote {
  protocol: Protocol;
  address: string;
  port: number;
}

export interface SipTransportOptions {
  host: string;
  port: number;
  transports: ('udp' | 'tcp')[];
  limits: SipLimits;
  log: Logger;
}

/** A message's bytes, where they came from, and a framing problem to answer (UDP only: a TCP one drops the connection). */
export type OnFramed = (message: FramedMessage, remote: Remote, framingProblem?: string) => void;

export interface SipTransport {
  /** A connection to where a request should go, for the transaction layer; TCP reuses an open one. */
  open(target: Target, onError: () => void): Connection;
  /** A connection back to where a message came from. */
  flowTo(remote: Remote): Connection;
  close(): Promise<void>;
}

class SipPortInUseError extends Error {
  override name = 'SipPortInUseError';
}

interface TcpFlow {
  socket: Socket;
  /** Callers told when this connection fails under them (a client transaction answers itself 503). */
  onError: Set<() => void>;
}

/** How long a closing endpoint waits for a peer to close its side of a TCP connection before cutting it. */
const CLOSE_WAIT_MS = 1_000;

const key = (address: string, port: number) => `${address}|${port}`;
const wire = (message: SipMessage) => Buffer.from(sip.stringify(message), 'utf8');

export async function startSipTransport(options: SipTransportOptions, onFramed: OnFramed): Promise<SipTransport> {
  const { limits, log } = options;
  const flows = new Map<string, TcpFlow>();
  const udp = options.transports.includes('udp') ? await bindUdp(options) : null;
  let server: Server | null = null;
  try {
    server = options.transports.includes('tcp') ? await listenTcp(options, (socket) => accept(socket)) : null;
  } catch (err) {
    udp?.close();
    throw err;
  }

  udp?.on('message', (datagram, rinfo) => {
    const remote: Remote = { protocol: 'UDP', address: rinfo.address, port: rinfo.port };
    const framed = frameDatagram(datagram, limits);
    if (framed.kind === 'dropped') return log.warn({ remote, bytes: datagram.length, reason: framed.reason }, 'SIP datagram dropped');
    onFramed(framed.message, remote, framed.problem);
  });
  udp?.on('error', (err) => log.warn({ err: err.message }, 'SIP UDP socket error'));
  server?.on('error', (err) => log.warn({ err: err.message }, 'SIP TCP server error'));

  function drop(flow: TcpFlow, message: string, fields: Record<string, unknown> = {}): void {
    log.warn({ remote: { address: flow.socket.remoteAddress, port: flow.socket.remotePort }, ...fields }, message);
    flow.socket.destroy();
  }

  function track(socket: Socket, address: string, port: number): TcpFlow {
    const flow: TcpFlow = { socket, onError: new Set() };
    const id = key(address, port);
    flows.set(id, flow);
    const remote: Remote = { protocol: 'TCP', address, port };
    const framer = createStreamFramer(
      limits,
      (message) => {
        if (!socket.destroyed) onFramed(message, remote);
      },
      (reason) => drop(flow, 'SIP TCP connection dropped', { reason }),
    );
    socket.on('data', (chunk: Buffer) => framer.push(chunk));
    socket.setTimeout(limits.tcpIdleMs, () => drop(flow, 'SIP TCP connection idle, closed'));
    socket.on('error', (err) => {
      log.warn({ remote, err: err.message }, 'SIP TCP connection failed');
      for (const notify of flow.onError) notify();
    });
    socket.on('close', () => {
      if (flows.get(id) === flow) flows.delete(id);
    });
    return flow;
  }

  function accept(socket: Socket): void {
    if (flows.size >= limits.maxTcpConnections) {
      log.warn({ remote: { address: socket.remoteAddress, port: socket.remotePort }, limit: limits.maxTcpConnections }, 'SIP TCP connection refused: too many connections');
      socket.destroy();
      return;
    }
    track(socket, socket.remoteAddress ?? '', socket.remotePort ?? 0);
  }

  function tcpConnection(flow: TcpFlow, onError?: () => void): Connection {
    if (onError) flow.onError.add(onError);
    return {
      protocol: 'TCP',
      send(message) {
        const bytes = wire(message);
        if (flow.socket.destroyed || flow.socket.writableEnded) return log.warn({ callId: message.headers['call-id'] }, 'SIP message not sent: its TCP connection is closed');
        if (flow.socket.writableLength + bytes.length > limits.maxWriteQueueBytes) {
          return drop(flow, 'SIP TCP connection dropped: the peer does not read', { queuedBytes: flow.socket.writableLength });
        }
        flow.socket.write(bytes);
      },
      release() {
        if (onError) flow.onError.delete(onError);
      },
    };
  }

  function udpConnection(address: string, port: number): Connection {
    return {
      protocol: 'UDP',
      send(message) {
        if (!udp) return;
        udp.send(wire(message), port, address, (err) => {
          if (err) log.warn({ err: err.message, address, port }, 'SIP datagram not sent');
        });
      },
      release() {},
    };
  }

  function refused(onError: () => void): Connection {
    // The transaction layer expects a connection back; this one fails its sender on the next tick.
    setImmediate(onError);
    return { protocol: 'TCP', send() {}, release() {} };
  }

  return {
    open(target, onError) {
      if (target.protocol.toUpperCase() === 'UDP') return udpConnection(target.address, target.port);
      const open = flows.get(key(target.address, target.port));
      if (open) return tcpConnection(open, onError);
      if (flows.size >= limits.maxTcpConnections) {
        log.warn({ target, limit: limits.maxTcpConnections }, 'SIP TCP connection not opened: too many connections');
        return refused(onError);
      }
      return tcpConnection(track(connect(target.port, target.address), target.address, target.port), onError);
    },
    flowTo(remote) {
      if (remote.protocol === 'UDP') return udpConnection(remote.address, remote.port);
      const flow = flows.get(key(remote.address, remote.port));
      return flow ? tcpConnection(flow) : { protocol: 'TCP', send: () => log.warn({ remote }, 'SIP message not sent: its TCP connection is closed'), release() {} };
    },
    async close() {
      // Ended, not destroyed: the last response written (an unregister's, a 487) still reaches the peer.
      const ending = [...flows.values()].map(({ socket }) => new Promise<void>((resolve) => {
        const force = setTimeout(() => socket.destroy(), CLOSE_WAIT_MS);
        socket.once('close', () => (clearTimeout(force), resolve()));
        socket.end();
      }));
      await Promise.all([
        ...ending,
        udp && new Promise<void>((resolve) => udp.close(() => resolve())),
        server && new Promise<void>((resolve) => server.close(() => resolve())),
      ]);
    },
  };
}

function bindUdp({ host, port }: SipTransportOptions): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
    const fail = (err: Error) => reject(new SipPortInUseError(`SIP cannot listen on udp ${host}:${port}: ${err.message}`));
    socket.once('error', fail);
    socket.bind(port, host, () => {
      socket.off('error', fail);
      resolve(socket);
    });
  });
}

function listenTcp({ host, port }: SipTransportOptions, onConnection: (socket: Socket) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(onConnection);
    const fail = (err: Error) => reject(new SipPortInUseError(`SIP cannot listen on tcp ${host}:${port}: ${err.message}`));
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve(server);
    });
  });
}
