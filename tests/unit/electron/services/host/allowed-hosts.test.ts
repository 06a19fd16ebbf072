import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { allowedHostNames, isAllowedHost, isLoopbackHost, urlHostFor } from '../../../../../electron/services/host/allowed-hosts.js';

describe('the Host names a desk listener answers to', () => {
  it('are the loopback names and the bound address, with the port the connection came in on', () => {
    const names = allowedHostNames('127.0.0.1');
    for (const host of ['127.0.0.1:4780', 'localhost:4780', 'LocalHost:4780', '[::1]:4780']) expect(isAllowedHost(host, names, 4780), host).toBe(true);
    for (const host of ['127.0.0.1:4781', '127.0.0.1', 'rebind.example:4780', 'localhost.:4780', '127.0.0.1.nip.io:4780', '::1:4780', '127.0.0.1:4780:1', '', undefined]) {
      expect(isAllowedHost(host, names, 4780), String(host)).toBe(false);
    }
  });

  it('include a configured name, and on every interface each of this machine’s addresses but no wildcard', () => {
    expect(isAllowedHost('desk-17.corp.example:4780', allowedHostNames('desk-17.corp.example'), 4780)).toBe(true);
    const everywhere = allowedHostNames('0.0.0.0');
    const addresses = Object.values(networkInterfaces()).flatMap((infos) => infos ?? []).map((info) => (info.family === 'IPv6' ? `[${info.address.replace(/%.*$/, '')}]` : info.address));
    for (const address of addresses) expect(isAllowedHost(`${address}:4780`, everywhere, 4780), address).toBe(true);
    expect(isAllowedHost('0.0.0.0:4780', everywhere, 4780)).toBe(false);
    expect(isAllowedHost('[::]:4780', allowedHostNames('::'), 4780)).toBe(false);
  });

  it('tell loopback from the network', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'desk.corp.example', '128.0.0.1', 'localhost.example']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('name a wildcard bind by loopback in the URL a browser on this machine opens', () => {
    expect(urlHostFor('0.0.0.0')).toBe('127.0.0.1');
    expect(urlHostFor('::')).toBe('[::1]');
    expect(urlHostFor('::1')).toBe('[::1]');
    expect(urlHostFor('127.0.0.1')).toBe('127.0.0.1');
  });
});
