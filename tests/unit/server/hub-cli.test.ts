import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresServer, startPostgres } from '../../support/postgres.js';

let postgres: PostgresServer;
let databaseUrl: string;

beforeAll(async () => {
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase();
});

afterAll(async () => {
  await postgres?.stop();
});

function hub(args: string[], stdin = '') {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, AGENT_DESK_HUB_DATABASE_URL: databaseUrl },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run hub', () => {
  it('migrates, then has nothing left to apply', () => {
    expect(JSON.parse(hub(['migrate']).out)).toEqual({ applied: [1, 2, 3, 4] });
    expect(JSON.parse(hub(['migrate']).out)).toEqual({ applied: [] });
  });

  it('imports a feed and reports the bad rows by line', () => {
    const run = hub(['import', 'customers', 'tests/fixtures/feed/customers.csv', '--region', 'BG']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ kind: 'customers', accepted: 5, changed: 4, rejected: [{ line: 6 }, { line: 7 }] });
  });

  it('adds an agent with the password from stdin, and refuses an unknown role as a usage error', () => {
    const added = hub(['add-agent', 'ida', '--name', 'Ida Admin', '--role', 'admin'], 'a long admin password\n');
    expect(JSON.parse(added.out)).toEqual({ id: 'ida', username: 'ida', name: 'Ida Admin', role: 'admin' });
    const refused = hub(['add-agent', 'eve', '--name', 'Eve', '--role', 'boss'], 'a long admin password\n');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/role: Invalid option/);
  });
  it('refuses a config whose board time zone does not exist, naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-config-'));
    const file = join(dir, 'hub.json');
    writeFileSync(file, JSON.stringify({ board: { timeZone: 'Mars/Olympus' } }));
    try {
      const run = hub(['serve', '--config', file]);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.err)).toEqual({ error: `${file}: board.timeZone: an IANA time zone such as "Europe/Sofia" or "UTC"` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
