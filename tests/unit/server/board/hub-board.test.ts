import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../../../../electron/services/log.js';
import { startBoardFeed } from '../../../../server/board/board-feed.js';
import { createPool } from '../../../../server/db/pool.js';
import { startHub } from '../../../../server/hub.js';
import { HubConfigSchema } from '../../../../server/hub-config.js';
import { BOARD_PROTOCOL, type BoardInput, type BoardSnapshot, type BoardUpdate, bearerProtocol } from '../../../../shared/board.js';
import { hubSocketUrl } from '../../../../shared/hub-client.js';
import { postBoardInputs, queueName, scriptedDay } from '../../../support/board-generator.js';
import { hubClient, openTestHubDb, rawRequest, type HubOnOwnPostgres, startHubOnOwnPostgres } from '../../../support/test-hub.js';

let hub: HubOnOwnPostgres;
const tokens: Record<string, string> = {};
const script = scriptedDay(5, 20);

beforeAll(async () => {
  hub = await startHubOnOwnPostgres();
  for (const name of ['alice', 'sam', 'root']) tokens[name] = (await hub.login(name)).token;
  await postBoardInputs(hub.url, tokens.root!, script.inputs);
});

afterAll(async () => {
  await hub?.close();
});

const hubAs = (as: string, url = hub.url) => hubClient(url, tokens[as]!);
async function snapshot(url = hub.url): Promise<BoardSnapshot> {
  const answer = await hubAs('sam', url).call('board');
  if (!answer.ok) throw new Error(`no board: ${answer.status} ${answer.message}`);
  return answer.value;
}

function openBoardSocket(url: string, token: string) {
  const socket = new WebSocket(hubSocketUrl(url, 'boardLive'), [BOARD_PROTOCOL, bearerProtocol(token)]);
  const updates: BoardUpdate[] = [];
  socket.on('message', (data) => updates.push(JSON.parse(data.toString()) as BoardUpdate));
  return { socket, updates };
}

describe('the supervisor board at the hub', () => {
  it('shows each queue’s figures as the definitions give them for a scripted day', async () => {
    const { queues } = await snapshot();
    for (const want of script.expected) {
      const got = queues.find((q) => q.settings.name === want.name)!;
      expect({
        offered: got.offered,
        answered: got.answered,
        abandoned: got.abandoned,
        waiting: got.waitingSince.length,
        serviceLevelPercent: Math.round(got.serviceLevelPercent!),
        averageSpeedOfAnswerSeconds: Math.round(got.averageSpeedOfAnswerSeconds!),
        averageHandleSeconds: Math.round(got.averageHandleSeconds!),
      }).toEqual({ ...want, name: undefined });
    }
  });

  it('keeps operators out, over HTTP and over the live socket', async () => {
    expect((await hubAs('alice').call('board')).status).toBe(403);
    const { socket } = openBoardSocket(hub.url, tokens.alice!);
    const status = await new Promise<number>((resolve) => socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
    const posted = await hubAs('alice').call('boardEvents', { body: { inputs: script.inputs.slice(0, 1) } });
    expect(posted.status).toBe(403);
  });

  it('takes an agent’s own state from their desk, under the session’s name', async () => {
    const response = await hubAs('alice').call('agentState', { body: { state: 'break', breakReason: 'lunch', at: new Date().toISOString() } });
    expect(response.status).toBe(204);
    await expect.poll(async () => (await snapshot()).agents.find((a) => a.agentId === 'alice')).toMatchObject({
      name: 'Alice Operator', state: 'break', breakReason: 'lunch',
    });
  });

  it('refuses a malformed event with the field named', async () => {
    const response = await rawRequest(hub.url, 'boardEvents', { token: tokens.root, body: { inputs: [{ kind: 'pbx', event: { kind: 'queueCallerJoin', queue: 'q' } }] } });
    expect(response.status).toBe(400);
    expect((response.json as { message: string }).message).toMatch(/^board events: inputs\.0\.event/);
  });

  it('sends a supervisor’s board the snapshot, then each queue as it changes', async () => {
    const { socket, updates } = openBoardSocket(hub.url, tokens.sam!);
    await new Promise((resolve) => socket.once('open', resolve));
    await expect.poll(() => updates[0]?.type).toBe('snapshot');
    const queue = queueName(1);
    await postBoardInputs(hub.url, tokens.root!, [
      { kind: 'pbx', event: { kind: 'queueCallerJoin', queue, at: new Date().toISOString(), callId: 'live-1', caller: '+359888123456', position: 1 } },
    ]);
    const offeredBefore = script.expected[1]!.offered;
    await expect.poll(() => updates.find((u) => u.type === 'queue' && u.queue.settings.name === queue)).toMatchObject({ queue: { offered: offeredBefore + 1 } });
    socket.close();
  });

  it('shows whoever recorded an event a board that already holds it, before any notification arrives', async () => {
    const db = openTestHubDb(hub.databaseUrl);
    const feed = await startBoardFeed(db, { queues: [], timeZone: 'UTC' }, silentLogger);
    try {
      await feed.record([
        { kind: 'pbx', event: { kind: 'queueCallerJoin', queue: 'direct', at: new Date().toISOString(), callId: 'd-1', caller: '+359888123456', position: 1 } },
      ]);
      expect(feed.snapshot().queues.find((q) => q.settings.name === 'direct')?.offered).toBe(1);
    } finally {
      await feed.close();
      await db.close();
    }
  });

  it('replays, at start, today’s events by the board’s time zone, even when yesterday’s arrived after them', async () => {
    const databaseUrl = await hub.postgres.createDatabase();
    const db = openTestHubDb(databaseUrl);
    const pool = createPool(databaseUrl);
    try {
      await db.migrate();
      const join = (callId: string, at: string): BoardInput => ({ kind: 'pbx', event: { kind: 'queueCallerJoin', queue: 'q', at, callId, caller: '+359888123456', position: 1 } });
      // 00:30 in Sofia, then, late, 23:30 the day before; both fall on one UTC day.
      for (const input of [join('today', '2026-11-24T22:30:00.000Z'), join('late', '2026-11-24T21:30:00.000Z')]) {
        await pool.query('INSERT INTO board_events (at, input) VALUES ($1, $2)', [input.kind === 'pbx' && input.event.at, JSON.stringify(input)]);
      }
      const offeredIn = async (timeZone: string) => {
        const feed = await startBoardFeed(db, { queues: [], timeZone }, silentLogger, () => new Date('2026-11-24T23:00:00Z'));
        await feed.close();
        return feed.snapshot().queues.find((q) => q.settings.name === 'q')?.offered;
      };
      expect(await offeredIn('Europe/Sofia')).toBe(1);
      expect(await offeredIn('UTC')).toBe(2);
    } finally {
      await pool.end();
      await db.close();
    }
  });

  it('gives a second hub instance the same board: today’s events replayed at start, then live through LISTEN/NOTIFY', async () => {
    const second = await startHub(HubConfigSchema.parse({ database: { url: hub.databaseUrl }, listen: { port: 0 } }), silentLogger);
    try {
      expect((await snapshot(second.url)).queues).toEqual((await snapshot()).queues);
      await postBoardInputs(hub.url, tokens.root!, [
        { kind: 'pbx', event: { kind: 'queueCallerJoin', queue: 'overflow', at: new Date().toISOString(), callId: 'o-1', caller: '+359888123456', position: 1 } },
      ]);
      await expect.poll(async () => (await snapshot(second.url)).queues.find((q) => q.settings.name === 'overflow')?.offered).toBe(1);
    } finally {
      await second.close();
    }
  });
});

describe('a desk that goes without a word', () => {
  let quick: Awaited<ReturnType<typeof startHub>>;
  let bob: string;

  beforeAll(async () => {
    quick = await startHub(
      HubConfigSchema.parse({ database: { url: hub.databaseUrl }, listen: { port: 0 }, board: { offlineAfterSeconds: 0.2 } }),
      silentLogger,
    );
    bob = (await hub.login('bob')).token;
  });
  afterAll(async () => quick?.close());

  const bobOnBoard = async () => (await snapshot(quick.url)).agents.find((a) => a.agentId === 'bob')?.state;
  async function report(state: 'available' | 'break') {
    const response = await hubClient(quick.url, bob).call('agentState', { body: { state, ...(state === 'break' ? { breakReason: 'coffee' } : {}), at: new Date().toISOString() } });
    expect(response.status).toBe(204);
  }
  async function openDeskLink(options: { autoPong?: boolean } = {}) {
    const socket = new WebSocket(hubSocketUrl(quick.url, 'nudges'), { headers: { authorization: `Bearer ${bob}` }, ...options });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return socket;
  }

  it('shows the agent offline once the grace period passes, and as they say when they are back', async () => {
    const link = await openDeskLink();
    await report('available');
    link.terminate();
    await expect.poll(bobOnBoard, { timeout: 5_000 }).toBe('offline');
    const back = await openDeskLink();
    await report('available');
    expect(await bobOnBoard()).toBe('available');
    back.close();
  });

  it('keeps the agent’s state when the desk reconnects within the grace period', async () => {
    const link = await openDeskLink();
    await report('break');
    link.terminate();
    const again = await openDeskLink();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await bobOnBoard()).toBe('break');
    again.close();
  });

  it('cuts off a desk that stops answering pings, and shows it offline', async () => {
    const link = await openDeskLink({ autoPong: false });
    await report('available');
    const closed = new Promise((resolve) => link.once('close', resolve));
    await expect(closed).resolves.toBeDefined();
    await expect.poll(bobOnBoard, { timeout: 5_000 }).toBe('offline');
  });
});
