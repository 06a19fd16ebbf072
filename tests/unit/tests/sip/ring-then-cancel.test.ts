import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../support/desk-process.js';
import { runSipp } from '../../../support/sipp.js';

/**
 * A proxy in front of the desk (kamailio answers the CANCEL itself and relays the desk's
 * 487 from another worker) may deliver the INVITE's 487 before the CANCEL's 200; RFC 3261
 * §9.1 lets the two arrive in either order, so the scenario must accept both.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function header(message: string, name: string): string {
  return message.split('\r\n').find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
}

/** A bare UDP UAS: rings every INVITE and answers a CANCEL in the order asked for. */
async function ringingPeer(order: ('200' | '487')[]): Promise<number> {
  const socket = createSocket('udp4');
  cleanups.push(() => socket.close());
  let invite = '';
  socket.on('message', (data, from) => {
    const text = data.toString('latin1');
    const reply = (request: string, status: string, method: string): void => {
      const lines = [`SIP/2.0 ${status}`, header(request, 'Via'), header(request, 'From'), `${header(request, 'To')};tag=peer1`, header(request, 'Call-ID'), `CSeq: 1 ${method}`, 'Content-Length: 0', '', ''];
      socket.send(lines.join('\r\n'), from.port, from.address);
    };
    if (text.startsWith('INVITE ')) {
      invite = text;
      reply(text, '100 Trying', 'INVITE');
      reply(text, '180 Ringing', 'INVITE');
    } else if (text.startsWith('CANCEL ')) {
      for (const status of order) {
        if (status === '200') reply(text, '200 OK', 'CANCEL');
        else reply(invite, '487 Request Terminated', 'INVITE');
      }
    }
  });
  const port = await freePort();
  await new Promise<void>((done) => socket.bind(port, '127.0.0.1', done));
  return port;
}

async function ringThenCancel(order: ('200' | '487')[], timeoutSeconds: number) {
  const port = await ringingPeer(order);
  const keys = { from_header: '<sip:0888123456@carrier.test>', caller_header: '', extra_header: '', cancel_reason: '' };
  const sipp = runSipp({ scenario: 'ring-then-cancel', target: { host: '127.0.0.1', port }, localPort: await freePort(), keys, timeoutSeconds });
  cleanups.push(sipp.kill);
  return sipp.done;
}

describe('tests/sip/ring-then-cancel.xml', () => {
  it.each([[['200', '487']], [['487', '200']]] as const)('ends clean when the CANCEL is answered in the order %j', async (order) => {
    const result = await ringThenCancel([...order], 10);
    expect(result.code, result.errors).toBe(0);
  }, 20_000);

  it.each([[['487']], [['200']]] as const)('fails a peer that sends only %j', async (order) => {
    expect((await ringThenCancel([...order], 2)).code).not.toBe(0);
  }, 20_000);
});
