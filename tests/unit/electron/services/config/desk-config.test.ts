import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DISPOSITIONS, DeskConfigError, parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { loadEffectiveConfig } from '../../../../../electron/services/config/effective-config.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The configuration from a file named on the command line, with no policy and no user settings. */
function fromCommandLine(path: string) {
  const none = join(dir, 'absent.json');
  return loadEffectiveConfig({ policy: none, lastGoodPolicy: none, user: none, commandLine: path }).config;
}

function configFile(text: string): string {
  const path = join(dir, 'config.json');
  writeFileSync(path, text);
  return path;
}

describe('desk configuration', () => {
  it('runs on embedded defaults with no file at all', () => {
    expect(parseDeskConfig({}, 'defaults')).toMatchObject({
      region: 'BG',
      demoCustomers: 500,
      dispositions: DEFAULT_DISPOSITIONS,
      simulator: { enabled: true, intervalSeconds: 0 },
      bridge: { json: { enabled: true, host: '127.0.0.1', port: 4780, token: null } },
      host: { host: '127.0.0.1', port: 4781 },
    });
  });

  it('refuses an agent the hub would refuse on every note: a control character in the id, a name over the bound', () => {
    expect(() => parseDeskConfig({ agent: { id: 'alice\u0000', name: 'Alice' } }, 'policy.json')).toThrow(/policy\.json: agent\.id: has a control character/);
    expect(() => parseDeskConfig({ agent: { id: 'alice', name: 'A'.repeat(101) } }, 'policy.json')).toThrow(/policy\.json: agent\.name: Too big/);
  });

  it('takes what a file sets and defaults the rest', () => {
    const config = fromCommandLine(configFile(JSON.stringify({ region: 'PL', bridge: { json: { port: 5000 } } })));
    expect(config.region).toBe('PL');
    expect(config.bridge.json).toEqual({ enabled: true, host: '127.0.0.1', port: 5000, token: null });
  });

  it.each([
    ['broken JSON', '{"region": "BG",', /config\.json: not valid JSON/],
    ['a wrong region', JSON.stringify({ region: 'Bulgaria' }), /config\.json: region: a two-letter ISO 3166 region/],
    ['a short token', JSON.stringify({ bridge: { json: { token: 'short' } } }), /bridge\.json\.token: a bridge token needs at least 16 characters/],
    ['an unknown field', JSON.stringify({ regoin: 'BG' }), /regoin/],
    ['a port out of range', JSON.stringify({ host: { port: 70000 } }), /host\.port/],
    ['an AMI bridge without its secret', JSON.stringify({ bridge: { ami: { enabled: true } } }), /bridge\.ami\.secret: an enabled AMI bridge needs its secret/],
    ['a SIP registration without its password', JSON.stringify({ bridge: { sip: { registration: { registrar: 'pbx:5060', domain: 'pbx', username: '1001' } } } }), /bridge\.sip\.registration\.password/],
    ['an AMI device that is not one', JSON.stringify({ bridge: { ami: { deviceInterface: '1001' } } }), /bridge\.ami\.deviceInterface/],
  ])('refuses %s, naming the file and the field', (_what, text, message) => {
    const path = configFile(text);
    expect(() => fromCommandLine(path)).toThrow(DeskConfigError);
    expect(() => fromCommandLine(path)).toThrow(message);
  });

  it.each([
    ['on every interface', '0.0.0.0'],
    ['on every IPv6 interface', '::'],
    ['on a LAN address', '10.1.2.3'],
    ['on a name', 'desk-17.corp.example'],
  ])('refuses a JSON bridge %s without a token, naming the field', (_what, host) => {
    expect(() => parseDeskConfig({ bridge: { json: { host } } }, 'policy.json')).toThrow(/policy\.json: bridge\.json\.token: a bridge that listens beyond loopback needs a token/);
    expect(parseDeskConfig({ bridge: { json: { host, token: 'a-bridge-token-of-32-characters!' } } }, 'policy.json').bridge.json.host).toBe(host);
  });

  it.each(['127.0.0.1', 'localhost', '::1', '127.0.0.2'])('takes a JSON bridge on loopback (%s) without a token', (host) => {
    expect(parseDeskConfig({ bridge: { json: { host } } }, 'policy.json').bridge.json.token).toBeNull();
  });

  it('refuses a browser host beyond loopback unless the file says host.allowNetwork', () => {
    expect(() => parseDeskConfig({ host: { host: '0.0.0.0' } }, 'config.json')).toThrow(/config\.json: host\.allowNetwork: .*serves the desk’s customers to anyone who can reach it/);
    expect(parseDeskConfig({ host: { host: '0.0.0.0', allowNetwork: true } }, 'config.json').host).toEqual({ host: '0.0.0.0', port: 4781, allowNetwork: true });
    expect(parseDeskConfig({}, 'defaults').host.allowNetwork).toBe(false);
  });

  it('says so when the file is missing or unreadable', () => {
    expect(() => fromCommandLine(join(dir, 'nope.json'))).toThrow(/nope\.json: cannot read \(ENOENT\)/);
    const path = configFile('{}');
    chmodSync(path, 0o000);
    // root reads any file: the permission case only means something for an ordinary user.
    if (process.getuid?.() !== 0) expect(() => fromCommandLine(path)).toThrow(/cannot read \(EACCES\)/);
  });

  it('makes the browser host exit with the file and the field named, without touching the store', () => {
    const path = configFile(JSON.stringify({ dataDir: join(dir, 'data'), region: 'XX1' }));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/services/host/serve.ts', '--config', path], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, AGENT_DESK_LOG_LEVEL: 'silent' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Agent Desk could not start: .*config\.json: region/);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});
