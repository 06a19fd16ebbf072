/**
 * A real agent's login while wrong passwords flood the hub (a real hub process on a
 * fresh PostgreSQL, everything on loopback). Two floods: one address guessing at one
 * agent, which its budgets stop, and guesses spread over many addresses and made-up
 * usernames, which stay within every budget and meet the bounded scrypt queue instead.
 * `npx tsx tests/bench/login-flood.ts` runs it alone; run.ts includes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hubRequests } from '../../shared/hub-api.js';
import { startHubProcess } from '../support/hub-process.js';
import { startPostgres } from '../support/postgres.js';
import { PASSWORD, prepareHubDatabase } from '../support/test-hub.js';
import { percentile } from './stats.js';

const FLOOD = 300;
const FLOOD_CONCURRENCY = 20;
const REAL_LOGIN_EVERY_MS = 250;

interface Attempt {
  status: number;
  ms: number;
}

/** One login from `from` (any 127.0.0.0/8 address is loopback), timed to its last byte. */
function login(port: number, from: string, username: string, password: string): Promise<Attempt> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, localAddress: from, method: hubRequests.login.method, path: hubRequests.login.path, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ username, password }));
  });
}

const countBy = (attempts: Attempt[]) => Object.fromEntries([...new Set(attempts.map((a) => a.status))].sort().map((s) => [s, attempts.filter((a) => a.status === s).length]));
const latency = (attempts: Attempt[]) => {
  const ms = attempts.map((a) => a.ms);
  return { p50Ms: Math.round(percentile(ms, 50)), p95Ms: Math.round(percentile(ms, 95)), maxMs: Math.round(Math.max(...ms)) };
};

/** `FLOOD` wrong passwords, `FLOOD_CONCURRENCY` at a time, while bob logs in every REAL_LOGIN_EVERY_MS from his own address. */
async function flood(port: number, guess: (n: number) => { from: string; username: string }) {
  const started = performance.now();
  const wrong: Attempt[] = [];
  let next = 0;
  const worker = async () => {
    while (next < FLOOD) {
      const { from, username } = guess(next++);
      wrong.push(await login(port, from, username, 'not the password'));
    }
  };
  const floodDone = Promise.all(Array.from({ length: FLOOD_CONCURRENCY }, worker));
  const real: Attempt[] = [];
  let done = false;
  void floodDone.then(() => (done = true));
  while (!done) {
    real.push(await login(port, '127.0.0.1', 'bob', PASSWORD));
    await new Promise((resolve) => setTimeout(resolve, REAL_LOGIN_EVERY_MS));
  }
  await floodDone;
  return {
    seconds: Number(((performance.now() - started) / 1_000).toFixed(1)),
    wrongPasswords: countBy(wrong),
    realLogins: { answers: countBy(real), ...latency(real.filter((a) => a.status === 201)) },
  };
}

export async function benchLoginFlood() {
  const postgres = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-login-bench-'));
  try {
    const databaseUrl = await postgres.createDatabase();
    await prepareHubDatabase(databaseUrl, []);
    const hub = await startHubProcess(dir, databaseUrl);
    const port = Number(new URL(hub.url).port);
    try {
      const quiet: Attempt[] = [];
      for (let n = 0; n < 10; n++) quiet.push(await login(port, '127.0.0.1', 'bob', PASSWORD));
      return {
        flood: FLOOD,
        concurrency: FLOOD_CONCURRENCY,
        quietRealLogin: latency(quiet),
        oneAddressAtOneAgent: await flood(port, () => ({ from: '127.0.0.2', username: 'alice' })),
        // 254 × n addresses, each guess from its own, at usernames no budget has seen.
        spreadOverAddresses: await flood(port, (n) => ({ from: `127.0.${10 + Math.floor(n / 250)}.${1 + (n % 250)}`, username: `nobody-${n}` })),
      };
    } finally {
      await hub.stop();
    }
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchLoginFlood().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
