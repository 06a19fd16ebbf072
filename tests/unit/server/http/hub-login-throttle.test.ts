import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../electron/services/log.js';
import { createLoginThrottle, type LoginThrottleLimits } from '../../../../server/http/login-throttle.js';
import { type RunningHub, startHub } from '../../../../server/hub.js';
import { HubConfigSchema } from '../../../../server/hub-config.js';
import { LOGIN_LIMITS } from '../../../../server/hub-limits.js';
import { hubRequests } from '../../../../shared/hub-api.js';
import { PASSWORD, startHubOnOwnPostgres, type TestHub } from '../../../support/test-hub.js';

let hub: TestHub;
/** The same hub with budgets small enough to spend in a test; the queue is the real one. */
let throttled: RunningHub;
const SMALL: LoginThrottleLimits = { perAddress: { burst: 5, perMinute: 1 }, perUsername: { burst: 3, perMinute: 1 }, trackedKeys: 100 };
const config = (listen: { trustProxy?: string[] } = {}) => HubConfigSchema.parse({ database: { url: hub.databaseUrl }, listen: { port: 0, ...listen } });

beforeAll(async () => {
  hub = await startHubOnOwnPostgres();
  throttled = await startHub(config(), silentLogger, { loginThrottle: SMALL });
});

afterAll(async () => {
  await throttled?.close();
  await hub?.close();
});

interface LoginAnswer {
  status: number;
  retryAfter: string | undefined;
  body: { error?: string; message?: string };
}

/**
 * A login sent by hand (the hub client cannot choose its source address) from `from`, any address of 127.0.0.0/8 (all of it is loopback on Linux),
 * so a test can be many clients without leaving the machine.
 */
function login(url: string, { from, username, password, headers = {} }: { from: string; username: string; password: string; headers?: Record<string, string> }) {
  const { port } = new URL(url);
  return new Promise<LoginAnswer>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, localAddress: from, method: hubRequests.login.method, path: hubRequests.login.path, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: JSON.parse(text) as LoginAnswer['body'] }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ username, password }));
  });
}

const stranger = () => `nobody-${randomUUID().slice(0, 8)}`;

type Guess = { from: string; username: string; headers?: Record<string, string> };

/** Wrong passwords, the nth from `guess(n)`, one after another until one is answered other than 401. */
async function guessUntilRefused(url: string, guess: (n: number) => Guess, most: number) {
  for (let n = 1; n <= most; n++) {
    const answer = await login(url, { password: 'wrong guess', ...guess(n) });
    if (answer.status !== 401) return { after: n - 1, answer };
  }
  return { after: most, answer: null };
}

describe('login throttling', () => {
  it('answers 429 with Retry-After once an address has spent its budget of wrong passwords, whatever X-Forwarded-For it sends', async () => {
    const { after, answer } = await guessUntilRefused(throttled.url, (n) => ({ from: '127.0.0.2', username: stranger(), headers: { 'x-forwarded-for': `10.9.8.${n}` } }), 20);
    expect(after).toBe(SMALL.perAddress.burst);
    expect(answer).toMatchObject({ status: 429, body: { error: 'too_many_attempts', message: expect.stringMatching(/from this address; try again in \d+ s$/) } });
    expect(Number(answer!.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(answer!.retryAfter)).toBeLessThanOrEqual(60 / SMALL.perAddress.perMinute);
    expect((await login(throttled.url, { from: '127.0.0.3', username: 'bob', password: PASSWORD })).status).toBe(201);
  });

  it('throttles guesses at one username from any number of addresses, and leaves other agents alone', async () => {
    const { after, answer } = await guessUntilRefused(throttled.url, (n) => ({ from: `127.0.1.${n}`, username: 'alice' }), 20);
    expect(after).toBe(SMALL.perUsername.burst);
    expect(answer).toMatchObject({ status: 429, body: { message: expect.stringMatching(/for "alice"; try again in \d+ s$/) } });
    expect((await login(throttled.url, { from: '127.0.1.200', username: 'sam', password: PASSWORD })).status).toBe(201);
  });

  it('does not count a right password against the address', async () => {
    for (let n = 0; n < SMALL.perAddress.burst + 3; n++) {
      expect((await login(throttled.url, { from: '127.0.2.1', username: 'root', password: PASSWORD })).status).toBe(201);
    }
  });

  it('takes the client from X-Forwarded-For when the peer is a configured proxy', async () => {
    const behindProxy = await startHub(config({ trustProxy: ['127.0.3.1'] }), silentLogger, { loginThrottle: SMALL });
    try {
      const via = (client: string) => () => ({ from: '127.0.3.1', username: stranger(), headers: { 'x-forwarded-for': client } });
      expect(await guessUntilRefused(behindProxy.url, via('192.0.2.10'), 20)).toMatchObject({ after: SMALL.perAddress.burst, answer: { status: 429 } });
      expect(await guessUntilRefused(behindProxy.url, via('192.0.2.11'), 1)).toEqual({ after: 1, answer: null });
    } finally {
      await behindProxy.close();
    }
  });

  it('keeps password checks to a bounded queue: a flood beyond it is answered 503 with Retry-After', async () => {
    const { running, waiting } = LOGIN_LIMITS.passwordChecks;
    const flood = 3 * (running + waiting);
    const answers = await Promise.all(
      Array.from({ length: flood }, (_, n) => login(hub.url, { from: `127.0.4.${n + 1}`, username: stranger(), password: 'wrong guess' })),
    );
    const busy = answers.filter((a) => a.status === 503);
    // Checks that finish while the flood still arrives free their places, so more than the queue's capacity may be checked.
    expect(busy.length).toBeGreaterThanOrEqual(flood - 2 * (running + waiting));
    expect(answers.filter((a) => a.status === 401).length).toBeGreaterThanOrEqual(running + waiting);
    for (const answer of busy) expect(answer).toMatchObject({ retryAfter: String(LOGIN_LIMITS.busyRetryAfterSeconds), body: { error: 'busy' } });
    expect((await login(hub.url, { from: '127.0.4.250', username: 'sam', password: PASSWORD })).status).toBe(201);
  });
});

describe('an attempt budget', () => {
  it('gives an attempt back at its rate, and says how long until then', () => {
    let now = 0;
    const throttle = createLoginThrottle({ perAddress: { burst: 2, perMinute: 6 }, perUsername: { burst: 100, perMinute: 100 }, trackedKeys: 10 }, () => now);
    expect([throttle.take('a', 'x'), throttle.take('a', 'y')]).toEqual([null, null]);
    expect(throttle.take('a', 'z')).toEqual({ by: 'address', retryAfterSeconds: 10 });
    now += 4_000;
    expect(throttle.take('a', 'z')).toEqual({ by: 'address', retryAfterSeconds: 6 });
    now += 6_000;
    expect(throttle.take('a', 'z')).toBeNull();
  });

  it('forgets the least recently used keys beyond the ones it tracks', () => {
    const throttle = createLoginThrottle({ perAddress: { burst: 1, perMinute: 1 }, perUsername: { burst: 100, perMinute: 100 }, trackedKeys: 2 }, () => 0);
    for (const address of ['a', 'b', 'c']) expect(throttle.take(address, 'x')).toBeNull();
    expect(throttle.take('c', 'x')).not.toBeNull();
    expect(throttle.take('a', 'x')).toBeNull();
  });
});
