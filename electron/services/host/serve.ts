/**
 * `npm run serve`: the desk with its browser host, for a browser on this machine,
 * a wallboard, or the end-to-end tests. Config from --config or AGENT_DESK_CONFIG;
 * without either, the embedded defaults (demo data, local SQLite, simulated calls).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeConfigProblem } from '../../../shared/config-problem.js';
import { translatorFor } from '../../../shared/i18n/translator.js';
import { configFiles } from '../config/config-files.js';
import { DeskConfigError } from '../config/desk-config.js';
import { loadEffectiveConfig } from '../config/effective-config.js';
import { startDesk } from '../desk/boot.js';
import { createLogger } from '../log.js';
import { guardProcess } from '../process-guard.js';
import { startBrowserHost } from './browser-host.js';

const logDir = process.env.AGENT_DESK_LOG_DIR ?? null;
const log = createLogger(logDir ? { logDir } : {});
guardProcess(log);
const { values } = parseArgs({ options: { config: { type: 'string' } } });

async function main(): Promise<void> {
  const files = configFiles(values.config ?? process.env.AGENT_DESK_CONFIG);
  const effective = loadEffectiveConfig(files);
  for (const problem of effective.problems) {
    const sentence = describeConfigProblem(problem, translatorFor('en'));
    log.error({ problem }, sentence);
    process.stderr.write(`Agent Desk configuration: ${sentence}\n`);
  }
  const { config } = effective;
  const running = await startDesk(effective, log, { appVersion: packageVersion(), logDir, userSettings: files.user });
  const host = await startBrowserHost({
    desk: running.desk,
    rendererDir: fileURLToPath(new URL('../../../dist/renderer', import.meta.url)),
    host: config.host.host,
    port: config.host.port,
    log,
  });
  log.info({ dataDir: running.dataDir, bridge: running.bridgeAddress }, `Agent Desk is at ${host.url}`);
  process.stdout.write(`Agent Desk is at ${host.url}\n`);

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await host.close();
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')) as { version: string };
  return manifest.version;
}

main().catch((err: unknown) => {
  if (err instanceof DeskConfigError) log.error(err.message);
  else log.error({ err }, 'the desk could not start');
  process.stderr.write(`Agent Desk could not start: ${(err as Error).message}\n`);
  process.exit(1);
});
