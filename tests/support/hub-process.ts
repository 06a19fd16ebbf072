/**
 * The hub as a real child process (`npm run hub -- serve`) on a loopback port, so a
 * test can SIGKILL it mid-push and start it again on the same port and database.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HubConfigInput } from '../../server/hub-config.js';
import { freePort } from './desk-process.js';
import { childControls, waitForOutput } from './child-output.js';

export interface HubProcess {
  url: string;
  pid: number;
  /** SIGKILL: no clean shutdown, as when the hub's machine loses power. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** `overrides`: the rest of hub.json, e.g. a board grace short enough for a test to wait out. */
export async function startHubProcess(dir: string, databaseUrl: string, port?: number, overrides: Partial<HubConfigInput> = {}): Promise<HubProcess> {
  const config: HubConfigInput = {
    database: { url: databaseUrl },
    listen: { host: '127.0.0.1', port: port ?? (await freePort()) },
    logLevel: process.env.AGENT_DESK_LOG_LEVEL === 'debug' ? 'debug' : 'warn',
    ...overrides,
  };
  const configPath = join(dir, 'hub-config.json');
  writeFileSync(configPath, JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve', '--config', configPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForOutput(child, /Agent Desk hub is at (\S+)/, 'hub');
  return {
    url,
    ...childControls(child),
  };
}
