/**
 * Where a desk's configuration files live on each OS: the machine-wide policy in the
 * place IT tools expect, the user's settings and the last good policy beside the data.
 */
import { homedir } from 'node:os';
import { join, win32 } from 'node:path';
import type { ConfigFiles } from './effective-config.js';

export function policyFile(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.AGENT_DESK_POLICY) return env.AGENT_DESK_POLICY;
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Agent Desk', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Agent Desk/policy.json';
  return '/etc/agent-desk/policy.json';
}

/** The files of one desk; `settingsDir` is the per-user folder (~/.agent-desk unless moved). */
export function configFiles(commandLine: string | undefined, settingsDir: string = join(homedir(), '.agent-desk')): ConfigFiles {
  return {
    policy: policyFile(),
    lastGoodPolicy: join(settingsDir, 'policy.last-good.json'),
    commandLine,
    user: join(settingsDir, 'settings.json'),
  };
}
