import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../../electron/services/log.js';
import { createSipAdapter, type SipAdapterOptions } from '../../../../../../electron/services/telephony/sip/sip-adapter.js';
import { freePort } from '../../../../../support/desk-process.js';
import { runSipp } from '../../../../../support/sipp.js';
import { RING, ringThenCancel as ringThenCancelWith, startEndpoint } from '../../../../../sip/endpoint.js';
import { cleanupsAfterEach } from '../../../../../support/cleanups.js';

const cleanups = cleanupsAfterEach();

const startDesk = (options: Partial<SipAdapterOptions> = {}) => startEndpoint(cleanups, options);
const ringThenCancel = (port: number, keys: Partial<typeof RING> = {}) => ringThenCancelWith(cleanups, port, keys);

describe('SIP endpoint with sipp as the PBX', () => {
  it('rings on INVITE with the caller from From, and a CANCEL makes it missed', async () => {
    const { port, events } = await startDesk();
    await ringThenCancel(port);
    expect(events.map((e) => e.state)).toEqual(['ringing', 'missed']);
    expect(events[0]).toMatchObject({ remote: 'sip:+359888123456@pbx.test', remoteName: 'Ivan Ivanov', dialled: '1001', direction: 'inbound' });
    expect(events[1]!.callId).toBe(events[0]!.callId);
  });

  it('takes the caller from P-Asserted-Identity over From', async () => {
    const { port, events } = await startDesk();
    await ringThenCancel(port, { from_header: '<sip:trunk@pbx.test>', caller_header: 'P-Asserted-Identity: "Anna Kowalska" <sip:+48600123456@carrier.test>, <tel:+48600123456>' });
    expect(events[0]).toMatchObject({ remote: 'tel:+48600123456', remoteName: 'Anna Kowalska' });
  });

  it('takes the caller from Remote-Party-ID when there is no P-Asserted-Identity', async () => {
    const { port, events } = await startDesk();
    await ringThenCancel(port, { from_header: '<sip:trunk@pbx.test>', caller_header: 'Remote-Party-ID: "Petar" <sip:0888123456@pbx.test>;party=calling;screen=yes;privacy=off' });
    expect(events[0]).toMatchObject({ remote: 'sip:0888123456@pbx.test', remoteName: 'Petar' });
  });

  it('withholds the caller when privacy is asked for, however the number is sent', async () => {
    const { port, events } = await startDesk();
    await ringThenCancel(port, { caller_header: 'Privacy: id', extra_header: 'P-Asserted-Identity: <sip:+359888123456@pbx.test>' });
    await ringThenCancel(port, { from_header: '"Anonymous" <sip:anonymous@anonymous.invalid>' });
    expect(events.filter((e) => e.state === 'ringing').map((e) => [e.remote, e.remoteName])).toEqual([
      ['anonymous', undefined],
      ['anonymous', undefined],
    ]);
  });

  it('says a call was answered elsewhere when the CANCEL gives Reason: SIP;cause=200', async () => {
    const { port, events } = await startDesk();
    await ringThenCancel(port, { cancel_reason: 'Reason: SIP;cause=200;text="Call completed elsewhere"' });
    expect(events.map((e) => e.state)).toEqual(['ringing', 'answered_elsewhere']);
  });

  it('names the line first dialled when the call was redirected (Diversion, History-Info)', async () => {
    const { port, events } = await startDesk();
    await ringThenCancel(port, { extra_header: 'Diversion: <sip:2001@pbx.test>;reason=no-answer;counter=1, <sip:+35929001234@pbx.test>;reason=unconditional;counter=1' });
    await ringThenCancel(port, { extra_header: 'History-Info: <sip:+35929005555@pbx.test?Reason=SIP%3Bcause%3D302>;index=1, <sip:1001@pbx.test>;index=1.1' });
    expect(events.filter((e) => e.state === 'ringing').map((e) => e.dialled)).toEqual(['+35929001234', '+35929005555']);
  });

  it('answers OPTIONS keepalives', async () => {
    const { port } = await startDesk();
    const sipp = runSipp({ scenario: 'options-ping', target: { host: '127.0.0.1', port }, localPort: await freePort() });
    cleanups.push(sipp.kill);
    const result = await sipp.done;
    expect(result.code, result.errors).toBe(0);
  });

  it('works over TCP too', async () => {
    const { port, events } = await startDesk();
    const sipp = runSipp({ scenario: 'ring-then-cancel', target: { host: '127.0.0.1', port }, localPort: await freePort(), transport: 't1', keys: RING });
    cleanups.push(sipp.kill);
    const result = await sipp.done;
    expect(result.code, result.errors).toBe(0);
    expect(events.map((e) => e.state)).toEqual(['ringing', 'missed']);
  });
});

describe('SIP endpoint under bad input', () => {
  const invite = (branch: string) =>
    [
      'INVITE sip:1001@127.0.0.1 SIP/2.0',
      `Via: SIP/2.0/UDP 127.0.0.1:5999;branch=${branch}`,
      'From: <sip:+359888123456@pbx.test>;tag=t1',
      'To: <sip:1001@127.0.0.1>',
      'Call-ID: retransmitted-1@pbx.test',
      'CSeq: 1 INVITE',
      'Max-Forwards: 70',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');

  async function sendUdp(port: number, datagrams: (string | Buffer)[]) {
    const socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    for (const datagram of datagrams) await new Promise<void>((r) => socket.send(datagram, port, '127.0.0.1', () => r()));
    await new Promise((r) => setTimeout(r, 300));
    socket.close();
  }

  it('pops a retransmitted INVITE once', async () => {
    const { port, events } = await startDesk();
    await sendUdp(port, [invite('z9hG4bK-1'), invite('z9hG4bK-1'), invite('z9hG4bK-1')]);
    expect(events.map((e) => `${e.callId} ${e.state}`)).toEqual(['retransmitted-1@pbx.test ringing']);
  });

  it('survives garbage over UDP and TCP and still takes the next call', async () => {
    const { port, events } = await startDesk();
    await sendUdp(port, [
      'complete garbage',
      Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10]),
      'INVITE sip:1001@127.0.0.1 SIP/2.0\r\n\r\n',
      'INVITE sip:1001@127.0.0.1 SIP/2.0\r\nVia: nonsense\r\nCall-ID: x\r\nCSeq: banana\r\n\r\n',
      `INVITE sip:1001@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-x\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:1001@127.0.0.1>\r\nCall-ID: huge\r\nCSeq: 1 INVITE\r\nContent-Length: 99999999\r\n\r\n`,
      'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-stray\r\n\r\n',
    ]);
    const tcp = connect(port, '127.0.0.1');
    await new Promise<void>((r) => tcp.once('connect', () => r()));
    tcp.on('error', () => undefined);
    tcp.write(`${'X'.repeat(70_000)}\r\n\r\nnot sip at all\r\n\r\n`);
    await new Promise((r) => setTimeout(r, 200));
    tcp.destroy();
    await ringThenCancel(port);
    expect(events.filter((e) => e.remote === 'sip:+359888123456@pbx.test').map((e) => e.state)).toEqual(['ringing', 'missed']);
  });

  it('refuses to start on a port another program holds, with a clear error', async () => {
    const { port } = await startDesk();
    const second = createSipAdapter({ host: '127.0.0.1', port, transports: ['udp'], user: 'desk', log: silentLogger });
    await expect(second.start(() => undefined)).rejects.toThrow(`SIP cannot listen on udp 127.0.0.1:${port}`);
  });
});

describe('SIP registration with sipp as the registrar', () => {
  it.each([
    ['UDP', 'u1', ['udp', 'tcp']],
    ['TCP', 't1', ['tcp']],
  ] as const)('registers over %s with digest, refreshes before expiry, and unregisters on stop', async (_name, transport, transports) => {
    const registrarPort = await freePort();
    const sipp = runSipp({ scenario: 'registrar-digest', localPort: registrarPort, transport, keys: { registrar_password: 'desk-secret-1001' }, timeoutSeconds: 30 });
    cleanups.push(sipp.kill);
    await new Promise((r) => setTimeout(r, 300));
    const { adapter } = await startDesk({
      transports: [...transports],
      registration: { registrar: `127.0.0.1:${registrarPort}`, domain: 'desk.test', username: '1001', password: 'desk-secret-1001', expiresSeconds: 60 },
    });
    // The registrar grants 2 s: the refresh comes at 1.6 s; stop after it to send the unregister.
    await new Promise((r) => setTimeout(r, 2_500));
    await adapter.stop();
    const result = await sipp.done;
    expect(result.code, result.errors).toBe(0);
  }, 40_000);
});
