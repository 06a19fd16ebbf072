/**
 * Which peers may tell the desk who is calling. P-Asserted-Identity and Remote-Party-ID
 * are only as true as the network they came through (RFC 3325 §9.1: trusted only inside
 * a "trust domain"): from anyone else the caller is what From says. The peers are IP
 * addresses, subnets ("10.20.0.0/16") or host names, which are looked up once at start.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Logger } from '../../log.js';

export interface PeerTrust {
  trusts(address: string): boolean;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;

/** What a trusted peer may be written as: an IP address, a subnet ("10.20.0.0/16", "fd00::/8") or a host name. */
export function isPeerAddress(peer: string): boolean {
  const [address, prefix, extra] = peer.split('/');
  if (extra !== undefined || address === undefined) return false;
  if (prefix === undefined) return isIP(address) !== 0 || HOST_NAME.test(address);
  const bits = isIP(address) === 4 ? 32 : isIP(address) === 6 ? 128 : 0;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= bits;
}

/** Without configured peers: the registrar the desk registers with, else this machine only. */
export function defaultTrustedPeers(registrar: string | undefined): string[] {
  return registrar ? [registrar.replace(/:\d+$/, '')] : ['127.0.0.0/8', '::1'];
}

/** An IPv4 peer reached over an IPv6 socket shows as ::ffff:a.b.c.d. */
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

export async function resolvePeerTrust(peers: string[], log: Logger): Promise<PeerTrust> {
  const trusted = new BlockList();
  for (const peer of peers) {
    const [address, prefix] = peer.split('/') as [string, string | undefined];
    if (isIP(address) && prefix !== undefined) trusted.addSubnet(address, Number(prefix), family(address));
    else if (isIP(address)) trusted.addAddress(address, family(address));
    else {
      try {
        for (const found of await lookup(peer, { all: true })) trusted.addAddress(found.address, family(found.address));
      } catch (err) {
        log.warn({ peer, err: (err as Error).message }, 'SIP trusted peer not found; identity headers from it will not be trusted');
      }
    }
  }
  return {
    trusts(address) {
      const ip = plain(address);
      return isIP(ip) !== 0 && trusted.check(ip, family(ip));
    },
  };
}
