import { describe, expect, it } from 'vitest';
import { DEFAULT_RINGING_BOUNDS } from '../../../../../../electron/services/telephony/adapter.js';
import { SIP_LIMITS } from '../../../../../../electron/services/telephony/sip/sip-limits.js';
import { until } from '../../../../../support/until.js';
import { startEndpoint } from '../../../../../sip/endpoint.js';
import { responseHeader, sipRequest, tcpPeer, udpPeerClosedBy } from '../../../../../sip/raw-peer.js';
import { cleanupsAfterEach } from '../../../../../support/cleanups.js';

const cleanups = cleanupsAfterEach();

const peer = () => udpPeerClosedBy(cleanups);

/** Gives the endpoint time to answer anything it would, so "nothing came" is a fact and not a race. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('SIP requests the desk must refuse (RFC 3261)', () => {
  it('answers 420 Bad Extension, listing them in Unsupported, to an INVITE that requires extensions it lacks', async () => {
    const { port, events } = await startEndpoint(cleanups);
    const pbx = await peer();
    await pbx.send(sipRequest({ callId: 'require-1', headers: ['Require: 100rel, x-unknown-ext'] }), port);
    const response = await pbx.waitFor(420, 'require-1');
    expect(responseHeader(response, 'Unsupported')).toBe('100rel, x-unknown-ext');
    await settle();
    expect(pbx.responses.map((r) => r.status)).toEqual([420]);
    expect(events).toEqual([]);
  });

  it.each([
    ['Call-ID', ['Call-ID: second-call-id@pbx.test']],
    ['Content-Length', ['Content-Length: 0']],
    ['From', ['From: <sip:+359888999999@pbx.test>;tag=two']],
    ['CSeq', ['CSeq: 2 INVITE']],
  ])('refuses an INVITE with two %s headers with 400, popping nothing', async (name, extra) => {
    const { port, events, messages } = await startEndpoint(cleanups);
    const pbx = await peer();
    await pbx.send(sipRequest({ callId: `duplicate-${name}`, headers: extra }), port);
    const response = await pbx.waitFor(400);
    expect(response.text).toMatch(new RegExp(`^SIP/2.0 400 Duplicate ${name}`));
    await settle();
    expect(events).toEqual([]);
    expect(messages()).toContain('SIP request refused');
  });

  it('takes the first request of a UDP datagram that holds two, and discards the rest (§18.3)', async () => {
    const { port, events } = await startEndpoint(cleanups);
    const pbx = await peer();
    await pbx.send(sipRequest({ callId: 'first-in-datagram' }) + sipRequest({ callId: 'second-in-datagram', branch: 'z9hG4bK-2' }), port);
    await pbx.waitFor(180, 'first-in-datagram');
    await settle();
    expect(pbx.responses.map((r) => `${r.status} ${r.callId}`)).toEqual(['100 first-in-datagram', '180 first-in-datagram']);
    expect(events.map((e) => e.callId)).toEqual(['first-in-datagram']);
  });

  it.each([
    ['shorter than', 'Content-Length: 50'],
    ['not a number:', 'Content-Length: abc'],
  ])('answers 400 to a UDP request whose body is %s its Content-Length', async (_what, header) => {
    const { port, events } = await startEndpoint(cleanups);
    const pbx = await peer();
    await pbx.send(sipRequest({ callId: 'short-body', body: 'v=0\r\n' }).replace('Content-Length: 5', header), port);
    await pbx.waitFor(400, 'short-body');
    expect(events).toEqual([]);
  });

  it('drops a datagram whose header block is over the bound, with a log line', async () => {
    const { port, events, lines } = await startEndpoint(cleanups);
    const pbx = await peer();
    await pbx.send(sipRequest({ callId: 'huge-head', headers: [`X-Huge: ${'h'.repeat(SIP_LIMITS.maxHeaderBytes)}`] }), port);
    await until(() => lines.some((l) => l.includes('SIP datagram dropped')), 'the log line');
    expect(lines.find((l) => l.includes('SIP datagram dropped'))).toMatch(/header block over/);
    await settle();
    expect(pbx.responses).toEqual([]);
    expect(events).toEqual([]);
  });

  it('unfolds a folded display name: CRLF and the whitespace after it are one space (§7.3.1)', async () => {
    const { port, events } = await startEndpoint(cleanups);
    const pbx = await peer();
    await pbx.send(sipRequest({ callId: 'folded', from: '"Folded\r\n   Name"\r\n\t<sip:+359888123456@pbx.test>;tag=f1' }), port);
    await pbx.waitFor(180, 'folded');
    expect(events).toMatchObject([{ remoteName: 'Folded Name', remote: 'sip:+359888123456@pbx.test' }]);
  });

  it.each([
    ['a 3,000-character caller name', { callId: 'long-name', from: `"${'Щ'.repeat(3_000)}" <sip:+359888123456@pbx.test>;tag=n1` }],
    ['a 4,000-character Call-ID', { callId: `long-${'c'.repeat(4_000)}` }],
    ['a 600-character dialled number', { callId: 'long-dialled', to: `<sip:${'1'.repeat(600)}@127.0.0.1>` }],
  ])('refuses with 400 an INVITE with %s, over the call event bounds, popping nothing', async (_what, request) => {
    const { port, events, lines } = await startEndpoint(cleanups);
    const pbx = await peer();
    await pbx.send(sipRequest(request), port);
    const response = await pbx.waitFor(400);
    expect(response.text).toMatch(/^SIP\/2.0 400 Call Details Out Of Bounds/);
    await settle();
    expect(events).toEqual([]);
    expect(lines.find((l) => l.includes('SIP INVITE refused'))).toBeDefined();
  });

  it('refuses a request with bytes that are not UTF-8 in its headers with 400', async () => {
    const { port, events } = await startEndpoint(cleanups);
    const pbx = await peer();
    const bytes = Buffer.from(sipRequest({ callId: 'not-utf8', from: '"Ivan XX" <sip:+359888123456@pbx.test>;tag=u1' }));
    const at = bytes.indexOf('XX');
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    await pbx.send(bytes, port);
    await pbx.waitFor(400, 'not-utf8');
    expect(events).toEqual([]);
  });

  it('applies the same rules over TCP', async () => {
    const { port, events } = await startEndpoint(cleanups);
    const pbx = await tcpPeer(port);
    cleanups.push(() => void pbx.socket.destroy());
    pbx.socket.write(sipRequest({ callId: 'tcp-require', transport: 'TCP', headers: ['Require: x-unknown-ext'] }));
    await pbx.waitFor(420, 'tcp-require');
    pbx.socket.write(sipRequest({ callId: 'tcp-dup', transport: 'TCP', headers: ['Call-ID: other'] }));
    await pbx.waitFor(400);
    expect(events).toEqual([]);
  });
});

describe('what calls ringing on the desk can hold', () => {
  it('rings out the oldest call (480, missed) for an INVITE beyond the desk’s bound on live calls, and rings the new one', async () => {
    const { port, events, messages } = await startEndpoint(cleanups, { ringing: { ...DEFAULT_RINGING_BOUNDS, maxLiveCalls: 3 } });
    const pbx = await peer();
    for (const n of [1, 2, 3]) await pbx.send(sipRequest({ callId: `ringing-${n}` }), port);
    await pbx.waitFor(180, 'ringing-3');
    await pbx.send(sipRequest({ callId: 'one-more' }), port);
    await pbx.waitFor(480, 'ringing-1');
    await pbx.waitFor(180, 'one-more');
    expect(events.map((e) => `${e.callId} ${e.state}`)).toEqual(['ringing-1 ringing', 'ringing-2 ringing', 'ringing-3 ringing', 'ringing-1 missed', 'one-more ringing']);
    expect(messages()).toContain('SIP call rang out');
  });

  it('answers 480 to a call that no CANCEL ends in time, and it is missed', async () => {
    const { port, events } = await startEndpoint(cleanups, { ringing: { ...DEFAULT_RINGING_BOUNDS, ringTimeoutMs: 200 } });
    const pbx = await peer();
    await pbx.send(sipRequest({ callId: 'never-cancelled' }), port);
    await pbx.waitFor(480, 'never-cancelled');
    expect(events.map((e) => e.state)).toEqual(['ringing', 'missed']);
  });
});
