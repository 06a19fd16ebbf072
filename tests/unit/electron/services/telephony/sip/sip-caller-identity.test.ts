import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../../../../shared/call.js';
import { freePort } from '../../../../../support/desk-process.js';
import { ringThenCancel, startEndpoint } from '../../../../../sip/endpoint.js';
import { cleanupsAfterEach } from '../../../../../support/cleanups.js';

const cleanups = cleanupsAfterEach();

const ringing = (events: CallEvent[]) => events.filter((e) => e.state === 'ringing');

describe('SIP display names are UTF-8 (RFC 3261 §7.3.1)', () => {
  it.each([
    ['Bulgarian', 'Щастлива Ъгълова'],
    ['Russian', 'Фёдор Воробьёв'],
    ['Ukrainian', 'Євгенія Ґонта-Їжак'],
    ['Polish', 'Łukasz Żółć-Gęślak'],
    ['Latin with accents', 'François Müller-Lefèvre'],
  ])('shows a %s name as sent: %s', async (_script, name) => {
    const { port, events } = await startEndpoint(cleanups);
    await ringThenCancel(cleanups, port, { from_header: `"${name}" <sip:+359888123456@pbx.test>` });
    expect(ringing(events).map((e) => e.remoteName)).toEqual([name]);
  });

  it('folds a tab or a run of spaces in a display name to one space, as §7.3.1 allows, so the call still rings', async () => {
    const { port, events } = await startEndpoint(cleanups);
    await ringThenCancel(cleanups, port, { from_header: '"Ivan\t  Ivanov" <sip:+359888123456@pbx.test>' });
    expect(ringing(events).map((e) => e.remoteName)).toEqual(['Ivan Ivanov']);
  });

  it('reads a UTF-8 name in P-Asserted-Identity, with a body whose Content-Length counts bytes', async () => {
    const { port, events } = await startEndpoint(cleanups);
    await ringThenCancel(cleanups, port, { from_header: '<sip:trunk@pbx.test>', caller_header: 'P-Asserted-Identity: "Иван Петров" <sip:+359888123456@pbx.test>' });
    expect(ringing(events)).toMatchObject([{ remote: 'sip:+359888123456@pbx.test', remoteName: 'Иван Петров' }]);
  });
});

describe('identity headers from a PBX (RFC 3325 §9.1)', () => {
  const asserted = { from_header: '"From Header" <sip:+359888000001@pbx.test>', caller_header: 'P-Asserted-Identity: "Asserted" <sip:+359888000002@pbx.test>' };

  it.each([
    ['an unclosed <', '"Evil" <sip:+359888999999@pbx.test'],
    ['an unclosed quote', '"Evil <sip:+359888999999@pbx.test>'],
    ['a good entry, then a broken one', '<sip:+359888999999@pbx.test>, <tel:+359888999998'],
    ['text after the address', '<sip:+359888999999@pbx.test> junk'],
    ['no URI at all', '<ticket 20080272>'],
  ])('ignores a P-Asserted-Identity with %s, with a log line, and takes the caller from From', async (_what, value) => {
    const { port, events, lines } = await startEndpoint(cleanups);
    await ringThenCancel(cleanups, port, { ...asserted, caller_header: `P-Asserted-Identity: ${value}` });
    expect(ringing(events)).toMatchObject([{ remote: 'sip:+359888000001@pbx.test', remoteName: 'From Header' }]);
    expect(lines.find((l) => l.includes('SIP header ignored'))).toMatch(/p-asserted-identity/);
  });

  it('ignores a Remote-Party-ID that does not parse and takes the caller from From', async () => {
    const { port, events } = await startEndpoint(cleanups);
    await ringThenCancel(cleanups, port, { ...asserted, caller_header: 'Remote-Party-ID: <sip:+359888999999@pbx.test;party=calling' });
    expect(ringing(events)).toMatchObject([{ remote: 'sip:+359888000001@pbx.test' }]);
  });

  it('trusts P-Asserted-Identity from loopback when nothing else is configured', async () => {
    const { port, events } = await startEndpoint(cleanups);
    await ringThenCancel(cleanups, port, asserted);
    expect(ringing(events)).toMatchObject([{ remote: 'sip:+359888000002@pbx.test', remoteName: 'Asserted' }]);
  });

  it('takes the caller from From when P-Asserted-Identity or Remote-Party-ID comes from a peer that is not trusted', async () => {
    const { port, events, lines } = await startEndpoint(cleanups, { trustedPeers: ['192.0.2.10', '198.51.100.0/24'] });
    await ringThenCancel(cleanups, port, asserted);
    await ringThenCancel(cleanups, port, { ...asserted, caller_header: 'Remote-Party-ID: "Rpid" <sip:+359888000003@pbx.test>;party=calling' });
    expect(ringing(events).map((e) => [e.remote, e.remoteName])).toEqual([
      ['sip:+359888000001@pbx.test', 'From Header'],
      ['sip:+359888000001@pbx.test', 'From Header'],
    ]);
    expect(lines.find((l) => l.includes('SIP header ignored'))).toMatch(/not from a trusted peer/);
  });

  it('trusts a peer named by subnet or by host name', async () => {
    for (const trustedPeers of [['127.0.0.0/8'], ['localhost']]) {
      const { port, events } = await startEndpoint(cleanups, { trustedPeers });
      await ringThenCancel(cleanups, port, asserted);
      expect(ringing(events)).toMatchObject([{ remote: 'sip:+359888000002@pbx.test' }]);
    }
  });

  it('trusts only the registrar by default when the desk registers', async () => {
    const { port, events } = await startEndpoint(cleanups, {
      registration: { registrar: `127.0.0.2:${await freePort()}`, domain: 'desk.test', username: '1001', password: 'secret-1001', expiresSeconds: 60 },
    });
    await ringThenCancel(cleanups, port, asserted);
    expect(ringing(events)).toMatchObject([{ remote: 'sip:+359888000001@pbx.test' }]);
  });

  it('withholds the caller on a privacy request even from a peer that is not trusted', async () => {
    const { port, events } = await startEndpoint(cleanups, { trustedPeers: ['192.0.2.10'] });
    await ringThenCancel(cleanups, port, { ...asserted, extra_header: 'Privacy: id' });
    expect(ringing(events)).toMatchObject([{ remote: 'anonymous' }]);
  });
});
