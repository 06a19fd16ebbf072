/**
 * The hub's configuration: one JSON file validated against one schema, with the
 * database URL also taken from the environment so a container or a unit file need
 * not write the password into a file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { QueueSettingsSchema } from '../shared/board.js';
import { describeIssues } from '../shared/zod-issues.js';
import { TimeZoneSchema } from '../shared/time-zone.js';

export const HubConfigSchema = z.strictObject({
  database: z.strictObject({
    url: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection URL'),
    poolSize: z.number().int().min(1).max(200).default(10),
  }),
  listen: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(4790),
      /**
       * The reverse proxies in front of the hub (addresses or CIDR ranges such as 10.0.0.0/24).
       * X-Forwarded-For is believed only from these, so login throttling counts the client behind
       * the proxy; none by default, when the peer's own address is the client's.
       */
      trustProxy: z.array(z.string().min(1)).max(100).default([]),
    })
    .default({ host: '127.0.0.1', port: 4790, trustProxy: [] }),
  /** Certificate and key in PEM files: with them the hub speaks HTTPS and WSS only. */
  tls: z.strictObject({ certFile: z.string().min(1), keyFile: z.string().min(1) }).optional(),
  sessionHours: z.number().min(0.01).max(24 * 30).default(12),
  board: z
    .strictObject({
      /** The supervisor board's queues: T for each service level and the tiles' thresholds. Queues not listed get the defaults. */
      queues: z.array(QueueSettingsSchema).max(500).default([]),
      /**
       * A desk whose link to the hub dropped shows offline after this long without a word.
       * The hub also pings every desk this often, so a desk that vanished without closing
       * its connection (power, network) is found within about three times this.
       */
      offlineAfterSeconds: z.number().min(0.05).max(3_600).default(30),
      /** The IANA zone whose midnight starts the board's day and its counters, e.g. "Europe/Sofia". */
      timeZone: TimeZoneSchema.default('UTC'),
    })
    .default({ queues: [], offlineAfterSeconds: 30, timeZone: 'UTC' }),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type HubConfig = z.output<typeof HubConfigSchema>;
export type HubConfigInput = z.input<typeof HubConfigSchema>;

export class HubConfigError extends Error {
  override name = 'HubConfigError';
}

export const DATABASE_URL_ENV = 'AGENT_DESK_HUB_DATABASE_URL';

/** From `--config <file>` (optional) and the environment; a bad file or field is named in the error. */
export function loadHubConfig(file: string | undefined, env: NodeJS.ProcessEnv = process.env): HubConfig {
  let input: Record<string, unknown> = {};
  if (file !== undefined) {
    try {
      input = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new HubConfigError(`${file}: cannot read the hub configuration (${(err as Error).message})`);
    }
  }
  const url = env[DATABASE_URL_ENV];
  if (url) input = { ...input, database: { ...(input.database as object | undefined), url } };
  const parsed = HubConfigSchema.safeParse(input);
  if (!parsed.success) throw new HubConfigError(`${file ?? DATABASE_URL_ENV}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
