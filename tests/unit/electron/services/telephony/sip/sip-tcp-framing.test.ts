import { describe, expect, it } from 'vitest';
import { SIP_LIMITS } from '../../../../../../electron/services/telephony/sip/sip-limits.js';
import { startEndpoint } from '../../../../../sip/endpoint.js';
import { sipRequest, tcpPeer } from '../../../../../sip/raw-peer.js';
import { cleanupsAfterEach } from '../../../../../support/cleanups.js';

const cleanups = cleanupsAfterEach();

const options = (callId: string) => sipRequest({ method: 'OPTIONS', callId, transport: 'TCP' });

async function answersOptionsOverTcp(port: number, callId: string): Promise<void> {
  const peer = await tcpPeer(port);
  peer.socket.write(options(callId));
  await peer.waitFor(200, callId);
  peer.socket.destroy();
}

describe('SIP over TCP: framing the desk owns (RFC 3261 §18.3)', () => {
  it('drops a connection that sends 12,000 empty messages in one write, and keeps answering others', async () => {
    const { port, messages } = await startEndpoint(cleanups);
    const peer = await tcpPeer(port);
    peer.socket.write('X\r\n\r\n'.repeat(12_000));
    await peer.closed;
    expect(messages()).toContain('SIP TCP connection dropped');
    await answersOptionsOverTcp(port, 'after-flood');
  });

  it('drops a TCP connection whose Content-Length is not a number', async () => {
    const { port, lines } = await startEndpoint(cleanups);
    const peer = await tcpPeer(port);
    peer.socket.write(sipRequest({ method: 'OPTIONS', callId: 'cl-abc', transport: 'TCP' }).replace('Content-Length: 0', 'Content-Length: abc'));
    // A peer that goes on sending: nothing it sends may be kept.
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let i = 0; i < 64 && !peer.isClosed(); i++) {
      peer.socket.write(chunk);
      await new Promise((r) => setTimeout(r, 5));
    }
    await peer.closed;
    expect(lines.find((l) => l.includes('SIP TCP connection dropped'))).toMatch(/Content-Length/);
    await answersOptionsOverTcp(port, 'after-bad-length');
  });

  it('drops a connection whose header block grows past the bound without a blank line', async () => {
    const { port, messages } = await startEndpoint(cleanups);
    const peer = await tcpPeer(port);
    peer.socket.write(`OPTIONS sip:1001@127.0.0.1 SIP/2.0\r\nX-Long: ${'a'.repeat(SIP_LIMITS.maxHeaderBytes)}`);
    await peer.closed;
    expect(messages()).toContain('SIP TCP connection dropped');
  });

  it('drops a connection that announces a body over the bound, before the body arrives', async () => {
    const { port, messages } = await startEndpoint(cleanups);
    const peer = await tcpPeer(port);
    peer.socket.write(options('too-long').replace('Content-Length: 0', `Content-Length: ${SIP_LIMITS.maxContentLength + 1}`));
    await peer.closed;
    expect(messages()).toContain('SIP TCP connection dropped');
  });

  it('drops a connection that sends more whole messages in one read than the bound', async () => {
    const { port, messages } = await startEndpoint(cleanups);
    const peer = await tcpPeer(port);
    peer.socket.write(Array.from({ length: SIP_LIMITS.maxMessagesPerRead + 50 }, (_, i) => options(`burst-${i}`)).join(''));
    await peer.closed;
    expect(messages()).toContain('SIP TCP connection dropped');
  });

  it('answers every message of a pipelined write, and a message written one byte at a time', async () => {
    const { port } = await startEndpoint(cleanups);
    const peer = await tcpPeer(port);
    peer.socket.write(options('pipelined-1') + options('pipelined-2') + options('pipelined-3'));
    for (const id of ['pipelined-1', 'pipelined-2', 'pipelined-3']) await peer.waitFor(200, id);
    for (const byte of Buffer.from(`\r\n\r\n${options('byte-by-byte')}`)) {
      peer.socket.write(Buffer.from([byte]));
      await new Promise((r) => setImmediate(r));
    }
    await peer.waitFor(200, 'byte-by-byte');
    expect(peer.isClosed()).toBe(false);
    peer.socket.destroy();
  });

  it('refuses connections beyond the bound and keeps serving the ones it holds', async () => {
    const { port, messages } = await startEndpoint(cleanups);
    const held = await Promise.all(Array.from({ length: SIP_LIMITS.maxTcpConnections }, () => tcpPeer(port)));
    cleanups.push(() => held.forEach((p) => p.socket.destroy()));
    const extra = await tcpPeer(port);
    await extra.closed;
    expect(messages()).toContain('SIP TCP connection refused: too many connections');
    held[0]!.socket.write(options('held-0'));
    await held[0]!.waitFor(200, 'held-0');
  });

  it('closes a connection that stays idle', async () => {
    const { port, messages } = await startEndpoint(cleanups, { limits: { ...SIP_LIMITS, tcpIdleMs: 200 } });
    const peer = await tcpPeer(port);
    peer.socket.write(options('then-idle'));
    await peer.waitFor(200, 'then-idle');
    await peer.closed;
    expect(messages()).toContain('SIP TCP connection idle, closed');
  });

  it('drops a connection whose peer sends requests but never reads the responses', async () => {
    const { port, messages } = await startEndpoint(cleanups, { limits: { ...SIP_LIMITS, maxMessagesPerRead: 100_000 } });
    const peer = await tcpPeer(port);
    peer.socket.pause();
    for (let i = 0; i < 40 && !peer.isClosed(); i++) {
      peer.socket.write(Array.from({ length: 1_000 }, (_, j) => options(`unread-${i}-${j}`)).join(''));
      await new Promise((r) => setTimeout(r, 20));
    }
    await peer.closed;
    expect(messages()).toContain('SIP TCP connection dropped: the peer does not read');
  }, 30_000);
});
