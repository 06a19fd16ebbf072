import { describe, expect, it } from 'vitest';
import { DeskConfigError, parseDeskConfig } from '../../../../../../electron/services/config/desk-config.js';
import { silentLogger } from '../../../../../../electron/services/log.js';
import { defaultTrustedPeers, resolvePeerTrust } from '../../../../../../electron/services/telephony/sip/sip-trust.js';

const withPeers = (trustedPeers: string[]) => ({ bridge: { sip: { enabled: true, trustedPeers } } });

describe('the SIP trusted peers', () => {
  it('takes addresses, subnets and host names in the config', () => {
    const peers = ['10.20.1.5', '10.20.0.0/16', 'fd00::/8', '::1', 'pbx.example.local'];
    expect(parseDeskConfig(withPeers(peers), 'config.json').bridge.sip?.trustedPeers).toEqual(peers);
  });

  it.each([['10.20.0.0/33'], ['10.0.0.1/8/1'], ['pbx example'], ['pbx.example.local/24'], ['']])('refuses "%s", naming the field', (peer) => {
    expect(() => parseDeskConfig(withPeers([peer]), 'config.json')).toThrow(DeskConfigError);
    expect(() => parseDeskConfig(withPeers([peer]), 'config.json')).toThrow(/bridge\.sip\.trustedPeers\.0: an IP address, a subnet/);
  });

  it('trusts the registrar by default when the desk registers, else this machine only', () => {
    expect(defaultTrustedPeers('pbx.example.local:5060')).toEqual(['pbx.example.local']);
    expect(defaultTrustedPeers(undefined)).toEqual(['127.0.0.0/8', '::1']);
  });

  it('matches a peer by address, by subnet, and as an IPv4 address seen over IPv6', async () => {
    const trust = await resolvePeerTrust(['192.0.2.10', '198.51.100.0/24', 'localhost'], silentLogger);
    expect(['192.0.2.10', '198.51.100.77', '::ffff:198.51.100.1', '127.0.0.1'].map((a) => trust.trusts(a))).toEqual([true, true, true, true]);
    expect(['192.0.2.11', '198.51.101.1', '10.0.0.1', 'not-an-address'].map((a) => trust.trusts(a))).toEqual([false, false, false, false]);
  });
});
