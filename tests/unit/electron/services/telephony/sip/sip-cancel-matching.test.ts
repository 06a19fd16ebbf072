import { describe, expect, it } from 'vitest';
import { ringThenCancel, startEndpoint } from '../../../../../sip/endpoint.js';
import { type Request, sipRequest, udpPeerClosedBy } from '../../../../../sip/raw-peer.js';
import { cleanupsAfterEach } from '../../../../../support/cleanups.js';

const cleanups = cleanupsAfterEach();

const peer = () => udpPeerClosedBy(cleanups);

/** The INVITE under test and the CANCEL RFC 3261 §9.1 builds for it: same Request-URI, Via, Call-ID, From, CSeq number. */
const invite: Request = { callId: 'cancel-me@pbx.test', branch: 'z9hG4bK-inv-1', sentBy: '127.0.0.1:5999', uri: 'sip:1001@127.0.0.1', from: '<sip:+359888123456@pbx.test>;tag=caller-1', cseq: 7 };
const cancelOf = (changes: Partial<Request> = {}) => sipRequest({ ...invite, method: 'CANCEL', ...changes });

describe('SIP CANCEL matches the INVITE it cancels (RFC 3261 §9.2)', () => {
  it('answers 481 to a CANCEL with no INVITE', async () => {
    const { port, events } = await startEndpoint(cleanups);
    const pbx = await peer();
    await pbx.send(cancelOf(), port);
    await pbx.waitFor(481, invite.callId);
    expect(pbx.responses.map((r) => r.status)).toEqual([481]);
    expect(events).toEqual([]);
  });

  it('keeps ringing when a CANCEL comes from another address with another branch and tag', async () => {
    const { port, events } = await startEndpoint(cleanups);
    const pbx = await peer();
    const stranger = await peer();
    await pbx.send(sipRequest(invite), port);
    await pbx.waitFor(180, invite.callId);
    await stranger.send(cancelOf({ branch: 'z9hG4bK-other', sentBy: `127.0.0.1:${stranger.port}`, from: '<sip:x@evil.test>;tag=other' }), port);
    await stranger.waitFor(481, invite.callId);
    expect(events.map((e) => e.state)).toEqual(['ringing']);

    await pbx.send(cancelOf(), port);
    await pbx.waitFor(487, invite.callId);
    expect(events.map((e) => e.state)).toEqual(['ringing', 'missed']);
  });

  it.each<[string, Partial<Request>]>([
    ['top Via branch', { branch: 'z9hG4bK-inv-2' }],
    ['Via sent-by', { sentBy: '127.0.0.1:6000' }],
    ['From tag', { from: '<sip:+359888123456@pbx.test>;tag=caller-2' }],
    ['CSeq number', { cseq: 8 }],
    ['Request-URI', { uri: 'sip:1002@127.0.0.1' }],
  ])('answers 481 to a CANCEL whose %s differs from the INVITE, and the call keeps ringing', async (_field, change) => {
    const { port, events } = await startEndpoint(cleanups);
    const pbx = await peer();
    await pbx.send(sipRequest(invite), port);
    await pbx.waitFor(180, invite.callId);
    await pbx.send(cancelOf(change), port);
    await pbx.waitFor(481, invite.callId);
    expect(events.map((e) => e.state)).toEqual(['ringing']);
  });

  it('ends the call on the CANCEL sipp builds from the INVITE, over UDP and TCP', async () => {
    const { port, events } = await startEndpoint(cleanups);
    await ringThenCancel(cleanups, port, {}, 'u1');
    await ringThenCancel(cleanups, port, {}, 't1');
    expect(events.map((e) => e.state)).toEqual(['ringing', 'missed', 'ringing', 'missed']);
  });
});

describe('SIP BYE in the early dialog (RFC 3261 §15)', () => {
  it('ends the ringing on a BYE that names the dialog, and answers 481 to one with another tag', async () => {
    const { port, events } = await startEndpoint(cleanups);
    const pbx = await peer();
    await pbx.send(sipRequest(invite), port);
    const ringing = await pbx.waitFor(180, invite.callId);
    const toTag = /^To:.*;tag=([^;\s]+)/im.exec(ringing.text)?.[1];
    const bye = (tag: string) => sipRequest({ ...invite, method: 'BYE', cseq: 8, branch: `z9hG4bK-bye-${tag}`, to: `<sip:1001@127.0.0.1>;tag=${tag}` });
    await pbx.send(bye('not-the-desks'), port);
    await pbx.waitFor(481, invite.callId);
    expect(events.map((e) => e.state)).toEqual(['ringing']);
    await pbx.send(bye(toTag!), port);
    await pbx.waitFor(487, invite.callId);
    expect(events.map((e) => e.state)).toEqual(['ringing', 'missed']);
  });
});
