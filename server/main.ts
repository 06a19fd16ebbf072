/**
 * `npm run hub -- <command>`: run the hub, bring its database forward, add an agent,
 * or import an ERP/helpdesk feed. Answers are JSON on stdout; failures JSON on stderr
 * with a non-zero exit code (2 for a usage error).
 */
import { createReadStream } from 'node:fs';
import { RegionSchema } from '../shared/domain.js';
import { NewAgentSchema } from '../shared/sync.js';
import { describeIssues } from '../shared/zod-issues.js';
import { readCommandLine, runCommand, UsageError } from '../shared/node/command-line.js';
import { createAccounts } from './accounts.js';
import { type HubDb, openHubDb } from './db/hub-db.js';
import { startHub } from './hub.js';
import { loadHubConfig } from './hub-config.js';
import { importFeed } from './import/import-feed.js';
import { formatOf, type ImportKind } from './import/import-records.js';
import { createHubLogger } from './log.js';

const USAGE = `usage:
  hub serve   [--config FILE]
  hub migrate [--config FILE]
  hub add-agent USERNAME --name NAME --role operator|supervisor|admin [--config FILE]   (password on stdin)
  hub import customers|purchases|tickets FILE.csv|FILE.jsonl --region XX [--config FILE]
The database URL comes from the config file or AGENT_DESK_HUB_DATABASE_URL.`;

const line = readCommandLine(USAGE, {
  config: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  region: { type: 'string' },
});
const { values, positionals } = line;

const config = () => loadHubConfig(values.config);

/** The door to the configured database, for one command: its own log, since the command answers on stdout. */
const openDb = (poolSize: number) => {
  const settings = config();
  return openHubDb(settings.database.url, { poolSize, log: createHubLogger(settings.logLevel) });
};

async function withHubDb<T>(use: (db: HubDb) => Promise<T>): Promise<T> {
  const db = openDb(2);
  try {
    await db.migrate();
    return await use(db);
  } finally {
    await db.close();
  }
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

const commands: Record<string, () => Promise<unknown>> = {
  async serve() {
    const settings = config();
    const log = createHubLogger(settings.logLevel);
    const hub = await startHub(settings, log);
    process.stdout.write(`Agent Desk hub is at ${hub.url}\n`);
    const stop = () => void hub.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return undefined;
  },
  async migrate() {
    const db = openDb(1);
    try {
      return { applied: await db.migrate() };
    } finally {
      await db.close();
    }
  },
  async 'add-agent'() {
    const input = NewAgentSchema.safeParse({
      username: positionals[1],
      name: values.name,
      role: values.role,
      password: await readStdin(),
    });
    if (!input.success) throw new UsageError(`add-agent: ${describeIssues(input.error)}`);
    return withHubDb(async (db) => createAccounts(db.agents, { sessionHours: 1 }).createAgent(input.data));
  },
  async import() {
    const kind = positionals[1];
    const file = positionals[2];
    if (kind !== 'customers' && kind !== 'purchases' && kind !== 'tickets') throw new UsageError('import needs customers, purchases or tickets');
    if (file === undefined) throw new UsageError('import needs a FILE');
    const region = RegionSchema.safeParse(values.region);
    if (!region.success) throw new UsageError('--region needs the two-letter region national numbers in the feed belong to, such as BG');
    const format = formatOf(file);
    return withHubDb((db) => importFeed(db, kind as ImportKind, createReadStream(file), { format, region: region.data }));
  },
};

runCommand(USAGE, line, commands);
