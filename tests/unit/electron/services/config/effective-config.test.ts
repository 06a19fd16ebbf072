import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { policyFile } from '../../../../../electron/services/config/config-files.js';
import { DeskConfigError } from '../../../../../electron/services/config/desk-config.js';
import { type ConfigFiles, loadEffectiveConfig } from '../../../../../electron/services/config/effective-config.js';

let dir: string;
let files: ConfigFiles;
const write = (path: string, value: unknown) => writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-policy-'));
  files = { policy: join(dir, 'etc', 'policy.json'), lastGoodPolicy: join(dir, 'home', 'policy.last-good.json'), user: join(dir, 'home', 'settings.json') };
  mkdirSync(join(dir, 'etc'));
  mkdirSync(join(dir, 'home'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the effective configuration', () => {
  it('is the embedded defaults when no file exists, with nothing locked and nothing wrong', () => {
    const { config, locked, problems } = loadEffectiveConfig(files);
    expect(config.region).toBe('BG');
    expect(locked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('takes policy over command line over user settings over defaults, and locks what the policy sets', () => {
    write(files.user, { region: 'PL', agent: { id: 'ivan', name: 'Ivan' }, dispositions: [{ code: 'mine', label: 'Mine' }] });
    files.commandLine = join(dir, 'cli.json');
    write(files.commandLine, { region: 'UA', demoCustomers: 0 });
    write(files.policy, { region: 'RU', bridge: { sip: { enabled: true, port: 5090 } }, dispositions: [{ code: 'it', label: 'Set by IT' }] });
    const { config, locked, problems } = loadEffectiveConfig(files);
    expect(problems).toEqual([]);
    expect(config.region).toBe('RU');
    expect(config.demoCustomers).toBe(0);
    expect(config.agent).toEqual({ id: 'ivan', name: 'Ivan' });
    expect(config.dispositions).toEqual([{ code: 'it', label: 'Set by IT' }]);
    expect(config.bridge.sip).toMatchObject({ enabled: true, port: 5090, host: '127.0.0.1' });
    expect(locked).toEqual([
      { path: 'region', origin: files.policy },
      { path: 'bridge.sip.enabled', origin: files.policy },
      { path: 'bridge.sip.port', origin: files.policy },
      { path: 'dispositions', origin: files.policy },
    ]);
  });

  it('lets IT lock the hub URL while each agent keeps their own hub password', () => {
    write(files.user, { agent: { id: 'alice', name: 'Alice' }, hub: { url: 'http://127.0.0.1:9/not-this-one', password: 'alice secret' } });
    write(files.policy, { hub: { url: 'https://hub.example.internal:4790' } });
    const { config, locked, problems } = loadEffectiveConfig(files);
    expect(problems).toEqual([]);
    expect(config.hub).toEqual({ url: 'https://hub.example.internal:4790', password: 'alice secret', historyDays: 365 });
    expect(locked).toEqual([{ path: 'hub.url', origin: files.policy }]);
  });

  it('starts on the last good policy when the current one is broken, naming the file', () => {
    write(files.policy, { region: 'PL' });
    loadEffectiveConfig(files);
    write(files.policy, '{"region": "PL",');
    const { config, locked, problems } = loadEffectiveConfig(files);
    expect(config.region).toBe('PL');
    expect(locked).toEqual([{ path: 'region', origin: files.policy }]);
    expect(problems).toEqual([
      { file: files.policy, detail: expect.stringMatching(/^not valid JSON /), instead: 'last_good_policy', lastGood: files.lastGoodPolicy },
    ]);
  });

  it('starts without a policy when it does not validate and none was ever good, naming the field', () => {
    write(files.policy, { region: 'Poland', bridge: { ami: { port: 'five' } } });
    const { config, locked, problems } = loadEffectiveConfig(files);
    expect(config.region).toBe('BG');
    expect(locked).toEqual([]);
    expect(problems).toEqual([{ file: files.policy, detail: expect.stringMatching(/^region: .*bridge\.ami\.port: /), instead: 'no_policy' }]);
  });

  it('reports a policy it cannot read, and a policy that is not an object', () => {
    mkdirSync(files.policy);
    expect(loadEffectiveConfig(files).problems).toEqual([{ file: files.policy, detail: 'cannot read (EISDIR)', instead: 'no_policy' }]);
    rmSync(files.policy, { recursive: true });
    write(files.policy, '["region", "PL"]');
    expect(loadEffectiveConfig(files).problems).toEqual([{ file: files.policy, detail: 'must be a JSON object of settings', instead: 'no_policy' }]);
  });

  it('skips broken user settings with a warning, and refuses a broken command-line file outright', () => {
    write(files.user, { region: 7 });
    const { config, problems } = loadEffectiveConfig(files);
    expect(config.region).toBe('BG');
    expect(problems).toEqual([{ file: files.user, detail: expect.stringMatching(/^region: /), instead: 'without_user_settings' }]);
    files.commandLine = join(dir, 'cli.json');
    write(files.commandLine, 'not json');
    expect(() => loadEffectiveConfig(files)).toThrow(DeskConfigError);
  });

  it('falls back to the policy alone when layers valid on their own clash', () => {
    write(files.user, { bridge: { ami: { enabled: true, secret: 'user-secret' } } });
    write(files.policy, { bridge: { ami: { secret: '' } } });
    const { config, problems } = loadEffectiveConfig(files);
    expect(config.bridge.ami).toMatchObject({ enabled: false, secret: '' });
    expect(problems).toEqual([{ file: null, detail: expect.stringMatching(/^bridge\.ami\.secret/), instead: 'policy_and_defaults' }]);
  });
});

describe('the policy file', () => {
  it('lives where each OS keeps machine-wide settings, unless AGENT_DESK_POLICY says otherwise', () => {
    expect(policyFile('linux', {})).toBe('/etc/agent-desk/policy.json');
    expect(policyFile('darwin', {})).toBe('/Library/Application Support/Agent Desk/policy.json');
    expect(policyFile('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Agent Desk\\policy.json');
    expect(policyFile('linux', { AGENT_DESK_POLICY: '/srv/desk/policy.json' })).toBe('/srv/desk/policy.json');
  });
});
