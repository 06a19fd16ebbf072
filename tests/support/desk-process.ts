/**
 * Runs `npm run serve`'s entry point as a real child process on loopback ports, with
 * its own data dir: what end-to-end tests and benchmarks drive.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { CallEventInput } from '../../shared/call.js';
import type { DeskConfigInput } from '../../electron/services/config/desk-config.js';
import { childControls, waitForOutput } from './child-output.js';

/** A port free for both TCP and UDP on 127.0.0.1 just now: SIP listens on both, the desk's hosts on TCP. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
}

export interface DeskProcess {
  url: string;
  pid: number;
  bridgeUrl: string;
  postCallEvent(event: CallEventInput): Promise<Response>;
  /** SIGKILL: no clean shutdown, as when a desk crashes or loses power. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface DeskProcessOptions {
  /**
   * The desk's OS environment over the test runner's. The language and time zone are pinned
   * to English and UTC unless a test sets LANG or TZ, so a runner in Sofia sees the same desk.
   */
  env?: NodeJS.ProcessEnv;
}

/** The runner's environment less the variables that would outrank LANG (an empty LC_ALL reads as no language at all). */
function runnerEnvWithoutLocale(): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANGUAGE: _language, ...rest } = process.env;
  return rest;
}

export async function startDeskProcess(dataDir: string, overrides: Partial<DeskConfigInput> = {}, options: DeskProcessOptions = {}): Promise<DeskProcess> {
  const [hostPort, bridgePort] = [await freePort(), await freePort()];
  const config: DeskConfigInput = {
    dataDir,
    region: 'BG',
    demoCustomers: 0,
    host: { host: '127.0.0.1', port: hostPort },
    bridge: { json: { enabled: true, host: '127.0.0.1', port: bridgePort, token: null } },
    ...overrides,
  };
  const configPath = join(dataDir, 'desk-config.json');
  writeFileSync(configPath, JSON.stringify(config));

  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/services/host/serve.ts', '--config', configPath], {
    // The desk's own home and policy: this machine's ~/.agent-desk and /etc/agent-desk must not leak in.
    env: {
      ...runnerEnvWithoutLocale(),
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      HOME: dataDir,
      AGENT_DESK_POLICY: join(dataDir, 'policy.json'),
      AGENT_DESK_LOG_LEVEL: process.env.AGENT_DESK_LOG_LEVEL ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForOutput(child, /Agent Desk is at (\S+)/, 'desk');
  // The bridge's port as the config has it: an override may set its own.
  const bridgeUrl = `http://127.0.0.1:${config.bridge?.json?.port ?? bridgePort}`;
  return {
    url,
    bridgeUrl,
    postCallEvent: (event) =>
      fetch(`${bridgeUrl}/v1/call-events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) }),
    ...childControls(child),
  };
}
