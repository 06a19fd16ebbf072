/**
 * `npm run cli -- <command>`: what IT and the tests ask a desk's store from a shell.
 * Every answer is one JSON document on stdout; every failure is JSON on stderr with
 * a non-zero exit code, so scripts can tell the two apart.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RegionSchema } from '../../../shared/domain.js';
import { normalisePhone } from '../../../shared/phone/normalise.js';
import { readCommandLine, runCommand, UsageError } from '../../../shared/node/command-line.js';
import { parseDeskConfig, resolveDataDir } from '../config/desk-config.js';
import { identifyCaller } from '../desk/identify-caller.js';
import { seedDemoData } from '../demo/demo-data.js';
import type { DeskStore } from '../store/desk-store.js';
import { openDeskStore } from '../store/open-store.js';
import { silentLogger } from '../log.js';
import { createSyncClient } from '../sync/sync-client.js';

const USAGE = `usage:
  cli seed --customers N [--data-dir DIR] [--seed S] [--force]
  cli normalise NUMBER --region XX
  cli lookup NUMBER --region XX [--data-dir DIR]
  cli health [--data-dir DIR]
  cli sync --hub URL --agent ID [--data-dir DIR] [--page-size N] [--history-days N]   (password in AGENT_DESK_HUB_PASSWORD)
DIR defaults to the desk's own data folder (~/.agent-desk); XX is an ISO region such as BG.`;

const line = readCommandLine(USAGE, {
  customers: { type: 'string' },
  'data-dir': { type: 'string' },
  seed: { type: 'string', default: '1' },
  region: { type: 'string' },
  force: { type: 'boolean', default: false },
  hub: { type: 'string' },
  agent: { type: 'string' },
  'page-size': { type: 'string', default: '2000' },
  'history-days': { type: 'string', default: '365' },
});
const { values, positionals } = line;

function storeFile(): string {
  const dataDir = resolveDataDir(parseDeskConfig(values['data-dir'] ? { dataDir: values['data-dir'] } : {}, 'command line'));
  mkdirSync(dataDir, { recursive: true });
  return join(dataDir, 'desk.sqlite');
}

function region(): string {
  const parsed = RegionSchema.safeParse(values.region);
  if (!parsed.success) throw new UsageError('--region needs a two-letter region such as BG');
  return parsed.data;
}

function number(): string {
  const raw = positionals[1];
  if (raw === undefined) throw new UsageError(`${positionals[0]} needs a NUMBER`);
  return raw;
}

function withStore<T>(use: (store: DeskStore) => T): T {
  const store = openDeskStore(storeFile());
  try {
    return use(store);
  } finally {
    store.close();
  }
}

const commands: Record<string, () => Promise<unknown>> = {
  async seed() {
    const customers = Number(values.customers);
    if (!Number.isInteger(customers) || customers < 1) throw new UsageError('--customers needs a whole number above 0');
    const seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError('--seed needs a whole number');
    const file = storeFile();
    const store = openDeskStore(file);
    try {
      // Demo rows mixed into real ones could never be told apart again, so a non-empty store needs --force.
      const before = store.countCustomers();
      if (before > 0 && !values.force) throw new Error(`${file} already holds ${before} customers; add --force to seed more`);
      const started = performance.now();
      await seedDemoData(store, { customers, seed });
      return { file, seeded: customers, elapsedMs: Math.round(performance.now() - started), health: store.health() };
    } finally {
      store.close();
    }
  },
  async normalise() {
    return normalisePhone(number(), region());
  },
  async lookup() {
    const phone = normalisePhone(number(), region());
    return withStore((store) => ({ phone, ...identifyCaller(store, phone) }));
  },
  async health() {
    return withStore((store) => store.health());
  },
  /** Fills a desk's store from the hub before it first starts (or catches it up), and sends its outbox. */
  async sync() {
    const password = process.env.AGENT_DESK_HUB_PASSWORD;
    if (!values.hub || !values.agent) throw new UsageError('sync needs --hub URL and --agent ID');
    if (!password) throw new UsageError("sync reads the agent's password from AGENT_DESK_HUB_PASSWORD");
    const store = openDeskStore(storeFile());
    const client = createSyncClient({
      url: values.hub,
      username: values.agent,
      password,
      historyDays: wholeNumber('history-days'),
      pageSize: wholeNumber('page-size'),
      store,
      log: silentLogger,
      onStatus: () => undefined,
      onChanged: () => undefined,
    });
    try {
      const started = performance.now();
      const status = await client.syncNow();
      if (status.state !== 'online') throw new Error(status.lastError ?? 'the sync did not complete');
      return { elapsedMs: Math.round(performance.now() - started), cursor: store.syncCursor(), status, health: store.health() };
    } finally {
      await client.stop();
      store.close();
    }
  },
};

function wholeNumber(option: 'page-size' | 'history-days'): number {
  const value = Number(values[option]);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${option} needs a whole number above 0`);
  return value;
}

runCommand(USAGE, line, commands);
