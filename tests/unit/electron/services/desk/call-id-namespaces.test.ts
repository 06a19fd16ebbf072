import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskConfigSchema } from '../../../../../electron/services/config/desk-config.js';
import { type RunningDesk, startDesk } from '../../../../../electron/services/desk/boot.js';
import type { PopCard } from '../../../../../shared/call.js';
import type { DeskEvent } from '../../../../../shared/desk-api.js';
import { capturingLogger, type Request, sipRequest, type UdpPeer, udpPeer } from '../../../../sip/raw-peer.js';
import { freePort } from '../../../../support/desk-process.js';
import { until } from '../../../../support/until.js';

const SHARED_ID = 'shared-1@pbx.test';
const invite: Request = { callId: SHARED_ID, branch: 'z9hG4bK-shared-1', sentBy: '127.0.0.1:5999', from: '<sip:+48600123456@pbx.test>;tag=sip-caller', cseq: 1 };

let dir: string;
let running: RunningDesk;
let events: DeskEvent[];
let messages: () => string[];
let sipPort: number;
let pbx: UdpPeer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'call-ids-'));
  sipPort = await freePort();
  const config = DeskConfigSchema.parse({
    dataDir: dir,
    demoCustomers: 0,
    simulator: { enabled: false },
    bridge: { json: { enabled: true, port: 0 }, sip: { enabled: true, port: sipPort, transports: ['udp'] } },
  });
  const logger = capturingLogger();
  messages = logger.messages;
  running = await startDesk({ config, locked: [], problems: [] }, logger.log, { appVersion: 'test', logDir: null, userSettings: join(dir, 'settings.json') });
  events = [];
  running.desk.subscribe((e) => events.push(e));
  pbx = await udpPeer();
});

afterEach(async () => {
  pbx.close();
  await running.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function postEvent(body: Record<string, unknown>): Promise<void> {
  const { host, port } = running.bridgeAddress!;
  const response = await fetch(`http://${host}:${port}/v1/call-events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(202);
}

const cards = async (): Promise<PopCard[]> => (await running.desk.handlers.getDeskState({})).cards;
const pops = () => events.flatMap((e) => (e.name === 'pop' ? [`${e.payload.remote.raw} ${e.payload.state}`] : []));

describe('each bridge’s call ids are its own', () => {
  it('a SIP CANCEL whose Call-ID is a JSON bridge call’s id does not end that call', async () => {
    await postEvent({ callId: SHARED_ID, state: 'ringing', remote: '0888 123 456' });
    await pbx.send(sipRequest(invite), sipPort);
    await pbx.waitFor(180, SHARED_ID);
    await pbx.send(sipRequest({ ...invite, method: 'CANCEL' }), sipPort);
    await pbx.waitFor(487, SHARED_ID);
    await until(() => messages().includes('call event refused: the call is another bridge’s'), 'the SIP missed refused');

    expect(await cards()).toMatchObject([{ callId: SHARED_ID, state: 'ringing', remote: { raw: '0888 123 456' } }]);
    expect((await running.desk.handlers.listCallLog({ limit: 10 }))).toEqual([]);
    await postEvent({ callId: SHARED_ID, state: 'answered', remote: '0888 123 456' });
    expect(pops()).toEqual(['0888 123 456 ringing', '0888 123 456 answered']);
  });

  it('a JSON bridge event naming a SIP call’s Call-ID neither answers nor ends it', async () => {
    await pbx.send(sipRequest(invite), sipPort);
    await pbx.waitFor(180, SHARED_ID);
    await until(() => events.some((e) => e.name === 'pop'), 'the SIP call popped');
    await postEvent({ callId: SHARED_ID, state: 'answered', remote: '0888 123 456' });
    await postEvent({ callId: SHARED_ID, state: 'ended', remote: '0888 123 456' });
    expect(await cards()).toMatchObject([{ callId: SHARED_ID, state: 'ringing', remote: { raw: 'sip:+48600123456@pbx.test' } }]);

    await pbx.send(sipRequest({ ...invite, method: 'CANCEL' }), sipPort);
    await pbx.waitFor(487, SHARED_ID);
    await until(() => events.some((e) => e.name === 'callLogged'), 'the SIP call logged');
    expect(await running.desk.handlers.listCallLog({ limit: 10 })).toMatchObject([{ callId: SHARED_ID, outcome: 'missed', remoteRaw: 'sip:+48600123456@pbx.test' }]);
  });
});
