import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../../electron/services/log.js';
import { createAmiAdapter } from '../../../../../../electron/services/telephony/ami/ami-adapter.js';
import type { TelephonyAdapter } from '../../../../../../electron/services/telephony/adapter.js';
import type { CallEvent } from '../../../../../../shared/call.js';
import type { PbxEvent } from '../../../../../../shared/pbx.js';
import { amiTranscript, startAmiServer } from '../../../../../support/ami-server.js';
import { until } from '../../../../../support/until.js';
import { cleanupsAfterEach } from '../../../../../support/cleanups.js';

type Server = Awaited<ReturnType<typeof startAmiServer>>;
const cleanups = cleanupsAfterEach();


async function connect(options: { authType?: 'plain' | 'md5'; secret?: string; channels?: string; pingIntervalMs?: number } = {}) {
  const server: Server = await startAmiServer({ username: 'desk', secret: 's3cret-ami', ...(options.channels ? { channels: options.channels } : {}) });
  cleanups.push(() => server.close());
  const calls: CallEvent[] = [];
  const pbx: PbxEvent[] = [];
  const adapter: TelephonyAdapter = createAmiAdapter({
    host: '127.0.0.1',
    port: server.port,
    username: 'desk',
    secret: options.secret ?? 's3cret-ami',
    authType: options.authType ?? 'md5',
    deviceInterface: 'PJSIP/1001',
    pingIntervalMs: options.pingIntervalMs ?? 5_000,
    retry: { firstMs: 20, maxMs: 200 },
    log: silentLogger,
    onPbxEvent: (e) => pbx.push(e),
  });
  await adapter.start((e) => calls.push(e));
  cleanups.push(() => adapter.stop());
  return { server, calls, pbx, adapter };
}

const states = (calls: CallEvent[]) => calls.map((c) => `${c.callId} ${c.state}`);

describe('Asterisk AMI bridge', () => {
  it('logs in with an MD5 challenge, never sending the secret, then reads back channels and queues', async () => {
    const { server } = await connect({ authType: 'md5' });
    await until(() => server.actions.some((a) => a.Action === 'QueueStatus'), 'the state rebuild');
    const login = server.actions.find((a) => a.Action === 'Login')!;
    expect(login).toMatchObject({ Username: 'desk', AuthType: 'MD5' });
    expect(JSON.stringify(server.actions)).not.toContain('s3cret-ami');
    expect(server.actions.map((a) => a.Action)).toEqual(['Challenge', 'Login', 'CoreShowChannels', 'QueueStatus']);
    expect(new Set(server.actions.map((a) => a.ActionID)).size).toBe(4);
  });

  it('logs in with a plain secret when configured so', async () => {
    const { server } = await connect({ authType: 'plain' });
    await until(() => server.state.logins === 1, 'the login');
    expect(server.actions[0]).toMatchObject({ Action: 'Login', Username: 'desk', Secret: 's3cret-ami' });
  });

  it('keeps retrying, with backoff, while the login is refused', async () => {
    const { server, calls } = await connect({ secret: 'wrong' });
    await until(() => server.state.failedLogins >= 3, 'three refused logins');
    expect(server.state.logins).toBe(0);
    expect(calls).toEqual([]);
  });

  it('turns a queue call answered at this desk into ringing, answered, ended, with the queue and the line dialled', async () => {
    const { server, calls, pbx } = await connect();
    await until(() => server.actions.some((a) => a.Action === 'QueueStatus'), 'the state rebuild');
    server.play(amiTranscript('queue-call-answered'));
    await until(() => calls.some((c) => c.state === 'ended'), 'the end of the call');
    // AgentCalled, DialBegin and Newstate each say "ringing", DialEnd and AgentConnect "answered": the desk keeps one card.
    expect(states(calls)).toEqual([
      ...Array(3).fill('1732456800.100 ringing'),
      ...Array(2).fill('1732456800.100 answered'),
      '1732456800.100 ended',
    ]);
    expect(calls[0]).toMatchObject({ remote: '+359888123456', remoteName: 'Ivan Ivanov', queue: 'support', dialled: '029001234', direction: 'inbound' });
    expect(pbx.map((e) => e.kind)).toEqual(['queueCallerJoin', 'agentCalled', 'agentConnect', 'queueCallerLeave', 'queueMemberStatus', 'agentComplete']);
    expect(pbx.find((e) => e.kind === 'queueMemberStatus')).toMatchObject({ member: 'PJSIP/1001', state: 'in_use', inCall: true, paused: false, callsTaken: 12 });
    expect(pbx.find((e) => e.kind === 'agentComplete')).toMatchObject({ holdSeconds: 4, talkSeconds: 95 });
  });

  it('turns a caller who gives up in the queue into a missed call and an abandon', async () => {
    const { server, calls, pbx } = await connect();
    await until(() => server.state.logins === 1, 'the login');
    server.play(amiTranscript('queue-call-abandoned'));
    await until(() => calls.some((c) => c.state === 'missed'), 'the missed call');
    expect(states(calls).filter((s) => !s.endsWith('ringing'))).toEqual(['1732456800.100 missed']);
    expect(pbx.find((e) => e.kind === 'queueCallerAbandon')).toMatchObject({ queue: 'support', holdSeconds: 12, position: 1 });
  });

  it('skips garbage lines, binary noise and a corrupt line inside an event, and still takes the event', async () => {
    const { server, calls } = await connect();
    await until(() => server.state.logins === 1, 'the login');
    server.play(amiTranscript('direct-call-with-garbage'));
    await until(() => calls.length === 1, 'the ringing call');
    expect(calls[0]).toMatchObject({ callId: '1732456800.100', state: 'ringing', remote: '+359888123456' });
  });

  it('after a cut in the middle of an event, reconnects, drops the half event and pops a call that is still ringing', async () => {
    const { server, calls } = await connect();
    await until(() => server.state.logins === 1, 'the login');
    server.play(amiTranscript('cut-mid-event'));
    await new Promise((r) => setTimeout(r, 50));
    server.state.channels = amiTranscript('core-show-ringing');
    server.cut();
    await until(() => server.state.logins === 2, 'the second login');
    await until(() => calls.length === 1, 'the rebuilt call');
    expect(calls[0]).toMatchObject({ callId: '1732456800.100', state: 'ringing', remote: '+359888123456', remoteName: 'Ivan Ivanov' });
  });

  it('reconnects when the PBX stops answering pings', async () => {
    const { server } = await connect({ pingIntervalMs: 50 });
    await until(() => server.state.logins === 1, 'the login');
    server.state.answerPings = false;
    await until(() => server.state.logins === 2, 'a new login after the silent link', 5_000);
    expect(server.actions.filter((a) => a.Action === 'Ping').length).toBeGreaterThan(0);
  });

  it('logs off and closes on stop', async () => {
    const { server, adapter } = await connect();
    await until(() => server.state.logins === 1, 'the login');
    await adapter.stop();
    expect(server.actions.at(-1)?.Action).toBe('Logoff');
    await until(() => server.clients() === 0, 'the connection to close');
  });
});

describe('AMI events out of bounds', () => {
  async function connectLogged() {
    const server = await startAmiServer({ username: 'desk', secret: 's3cret-ami' });
    cleanups.push(() => server.close());
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    const calls: CallEvent[] = [];
    const pbx: PbxEvent[] = [];
    const adapter = createAmiAdapter({
      host: '127.0.0.1', port: server.port, username: 'desk', secret: 's3cret-ami', authType: 'md5',
      deviceInterface: 'PJSIP/1001', pingIntervalMs: 5_000, retry: { firstMs: 20, maxMs: 200 }, log, onPbxEvent: (e) => pbx.push(e),
    });
    await adapter.start((e) => calls.push(e));
    cleanups.push(() => adapter.stop());
    await until(() => server.actions.some((a) => a.Action === 'QueueStatus'), 'the state rebuild');
    return { server, lines, calls, pbx };
  }
  const direct = amiTranscript('direct-call-with-garbage');

  it('refuses a call whose caller name is 3,000 characters, with a log line and no card, and still takes the next call', async () => {
    const { server, lines, calls } = await connectLogged();
    server.play(direct.replace(/CallerIDName: Ivan Ivanov/, `CallerIDName: ${'I'.repeat(3_000)}`));
    await until(() => lines.some((l) => l.msg === 'AMI call refused: its call details are out of bounds'), 'the refusal in the log');
    expect(lines.find((l) => l.msg === 'AMI call refused: its call details are out of bounds')).toMatchObject({ issue: expect.stringMatching(/^remoteName/) });
    server.play(direct.replaceAll('1732456800.100', '1732456800.200'));
    await until(() => calls.length === 1, 'the next call');
    expect(calls.map((c) => c.callId)).toEqual(['1732456800.200']);
  });

  it('refuses a call whose Linkedid is 4,000 characters, and every later event of it', async () => {
    const { server, lines, calls } = await connectLogged();
    server.play(amiTranscript('queue-call-answered').replaceAll('1732456800.100', '9'.repeat(4_000)));
    await until(() => lines.some((l) => l.msg === 'AMI call refused: its call details are out of bounds'), 'the refusal in the log');
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toEqual([]);
  });

  it('drops a queue event whose member name is out of bounds, with a log line', async () => {
    const { server, lines, pbx } = await connectLogged();
    server.play(amiTranscript('queue-call-answered').replace(/MemberName: .*/, `MemberName: Agent\u0007${'x'.repeat(300)}`));
    await until(() => lines.some((l) => l.msg === 'AMI queue event refused: its details are out of bounds'), 'the refusal in the log');
    await until(() => pbx.some((e) => e.kind === 'agentComplete'), 'the rest of the queue events');
    expect(pbx.every((e) => !('memberName' in e) || e.memberName.length < 300)).toBe(true);
  });
});

describe('AMI bridge logs', () => {
  it('never write the secret, not even when the login is refused', async () => {
    const server = await startAmiServer({ username: 'desk', secret: 'right-secret' });
    cleanups.push(() => server.close());
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const adapter = createAmiAdapter({
      host: '127.0.0.1', port: server.port, username: 'desk', secret: 'wrong-secret-value', authType: 'plain',
      deviceInterface: 'PJSIP/1001', pingIntervalMs: 5_000, retry: { firstMs: 20, maxMs: 100 }, log,
    });
    await adapter.start(() => undefined);
    cleanups.push(() => adapter.stop());
    await until(() => server.state.failedLogins >= 2, 'two refused logins');
    expect(lines.join('')).toMatch(/AMI login failed/);
    expect(lines.join('')).not.toContain('wrong-secret-value');
  });
});
