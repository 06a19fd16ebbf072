/**
 * The one Host check of every desk listener (the JSON bridge, the browser host's pages
 * and its desk socket). DNS rebinding gives a web page a name that resolves to
 * 127.0.0.1, which makes the desk "same origin" with it; the name is still in the
 * Host header, so a listener that answers only to its own names is out of its reach.
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../log.js';

/** The names that reach this machine and no other, as a Host header spells them. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** True for an address or name that only this machine can connect to. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/** An address as it appears in a Host header: IPv6 in brackets, names in lower case. */
function hostForm(address: string): string {
  const bare = address.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return isIP(bare) === 6 ? `[${bare}]` : bare;
}

/** How a browser on this machine names a listener bound to `bindHost`: a wildcard by its loopback address. */
export function urlHostFor(bindHost: string): string {
  if (bindHost === '0.0.0.0') return '127.0.0.1';
  if (WILDCARD_ADDRESSES.has(bindHost)) return '[::1]';
  return hostForm(bindHost);
}

/**
 * The Host names a listener bound to `bindHost` answers to: loopback, the bound address
 * or name itself, and, bound to every interface, each address of this machine. An IP
 * literal cannot be rebound, so listing the machine's addresses opens nothing to a page.
 */
export function allowedHostNames(bindHost: string): Set<string> {
  const names = new Set<string>([...LOOPBACK_NAMES, hostForm(bindHost)]);
  if (WILDCARD_ADDRESSES.has(bindHost)) {
    for (const infos of Object.values(networkInterfaces())) for (const info of infos ?? []) names.add(hostForm(info.address.replace(/%.*$/, '')));
  }
  for (const wildcard of WILDCARD_ADDRESSES) names.delete(wildcard);
  return names;
}

/** Whether a Host header names one of `names` with the port the connection came in on. */
export function isAllowedHost(header: string | undefined, names: ReadonlySet<string>, port: number): boolean {
  if (header === undefined) return false;
  // host:port, [v6]:port; no port means 80, which a desk listener is not on unless bound there.
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header);
  if (!match) return false;
  const [, name, portText] = match;
  return names.has(name!.toLowerCase()) && Number(portText ?? 80) === port;
}

/**
 * Refuses, before any route or upgrade runs, every request whose Host is not one of the
 * listener's own names: 421 Misdirected Request, with what to use instead.
 */
export function refuseForeignHosts(app: FastifyInstance, { bindHost, log }: { bindHost: string; log: Logger }): void {
  const names = allowedHostNames(bindHost);
  app.addHook('onRequest', async (request, reply) => {
    const port = request.raw.socket.localPort ?? 0;
    if (isAllowedHost(request.headers.host, names, port)) return;
    log.warn({ host: request.headers.host ?? null, url: request.url.split('?')[0], remote: request.ip }, 'request refused: Host is not one of this listener’s names');
    // Nothing more is taken on this connection; a refused WebSocket upgrade would otherwise stay open.
    reply.raw.once('finish', () => request.raw.socket.end());
    await reply.header('connection', 'close').code(421).send({ error: `this listener answers only to ${[...LOOPBACK_NAMES].map((name) => `${name}:${port}`).join(', ')} and the address it is configured on` });
  });
}
