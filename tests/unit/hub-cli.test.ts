import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresServer, startPostgres } from '../support/postgres.js';

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
    expect(JSON.parse(hub(['migrate']).out)).toEqual({ applied: [1, 2] });
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
});
