/**
 * The desk's configuration: a JSON file validated against one schema, every field
 * with an embedded default so the app runs with no file at all (demo mode).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DispositionSchema, RegionSchema } from '../../../shared/domain.js';
import { describeIssues } from '../../../shared/zod-issues.js';
import { LOCALES, LocaleSchema } from '../../../shared/i18n/locales.js';
import { translatorFor } from '../../../shared/i18n/translator.js';
import { TimeZoneSchema } from '../../../shared/time-zone.js';
import { singleLineText } from '../../../shared/text-rules.js';
import { isLoopbackHost } from '../host/allowed-hosts.js';
import { DEFAULT_RINGING_BOUNDS } from '../telephony/adapter.js';
import { isPeerAddress } from '../telephony/sip/sip-trust.js';
import { updateUrlRefusal } from './update-feed.js';

const Port = z.number().int().min(0).max(65_535);

/** The embedded call outcomes, labelled in every language from the locale files' "dispositions". */
export const DEFAULT_DISPOSITIONS = (['resolved', 'callback', 'sale', 'complaint', 'info', 'wrong_number'] as const).map((code) => ({
  code,
  label: Object.fromEntries(LOCALES.map((locale) => [locale, translatorFor(locale)(`dispositions.${code}`)])),
}));

export const DeskConfigSchema = z.strictObject({
  agent: z.strictObject({ id: singleLineText('id').min(1), name: singleLineText('personName').min(1) }).default({ id: 'agent-1', name: 'Demo Agent' }),
  /** Where a number without a country code is assumed to be from. */
  region: RegionSchema.default('BG'),
  /**
   * The agent's language. The settings screen's picker writes it to the user's settings; a
   * policy that sets it locks it. None: `defaultLocale`, else the OS's language.
   */
  locale: LocaleSchema.nullable().default(null),
  /** The language until the agent picks one: how IT's policy sets a default without locking the picker. */
  defaultLocale: LocaleSchema.nullable().default(null),
  /** The IANA zone the desk shows dates and times in; none: the OS's. */
  timeZone: TimeZoneSchema.nullable().default(null),
  /** Folder of the desk's SQLite store; defaults to ~/.agent-desk. */
  dataDir: z.string().min(1).optional(),
  dispositions: z.array(DispositionSchema).min(1).max(50).default(DEFAULT_DISPOSITIONS),
  /** After a call the agent took, this long in wrap-up (the board shows it) before they are available again; 0: none. */
  wrapUpSeconds: z.number().int().min(0).max(3_600).default(30),
  /**
   * Calls a bridge never ends (a lost CANCEL, a webhook that stops posting): a ringing call
   * with no news for ringTimeoutSeconds is missed, and beyond maxLiveCalls at once the
   * oldest unanswered call is missed to make room. Defaults and why: DEFAULT_RINGING_BOUNDS.
   */
  calls: z
    .strictObject({
      ringTimeoutSeconds: z.number().int().min(10).max(3_600).default(DEFAULT_RINGING_BOUNDS.ringTimeoutMs / 1000),
      maxLiveCalls: z.number().int().min(1).max(1_000).default(DEFAULT_RINGING_BOUNDS.maxLiveCalls),
    })
    .prefault({}),
  /** Demo data seeded into an empty store; 0 seeds nothing. */
  demoCustomers: z.number().int().min(0).max(1_000_000).default(500),
  simulator: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** A simulated call every so many seconds; 0 rings only on demand from the developer menu. */
      intervalSeconds: z.number().min(0).max(3_600).default(0),
    })
    .default({ enabled: true, intervalSeconds: 0 }),
  bridge: z
    .strictObject({
      json: z
        .strictObject({
          enabled: z.boolean().default(true),
          host: z.string().default('127.0.0.1'),
          port: Port.default(4780),
          token: z.string().min(16, 'a bridge token needs at least 16 characters').nullable().default(null),
        })
        // Beyond loopback every machine on the network could ring the desk: only with the token.
        .refine((json) => isLoopbackHost(json.host) || json.token !== null, {
          message: 'a bridge that listens beyond loopback needs a token (16+ characters) that the PBX sends',
          path: ['token'],
        })
        .default({ enabled: true, host: '127.0.0.1', port: 4780, token: null }),
      /** Asterisk's manager interface; off unless configured. See docs/bridge-protocol.md for the JSON alternative. */
      ami: z
        .strictObject({
          enabled: z.boolean().default(false),
          host: z.string().default('127.0.0.1'),
          port: Port.default(5038),
          username: z.string().min(1).default('agent-desk'),
          secret: z.string().default(''),
          authType: z.enum(['md5', 'plain']).default('md5'),
          /** This desk's phone as Asterisk names it, e.g. "PJSIP/1001". */
          deviceInterface: z.string().regex(/^[A-Za-z]+\/\S+$/, 'a device such as "PJSIP/1001"').default('PJSIP/1001'),
          pingSeconds: z.number().min(1).max(300).default(20),
        })
        .refine((ami) => !ami.enabled || ami.secret !== '', { message: 'an enabled AMI bridge needs its secret', path: ['secret'] })
        .optional(),
      /** The desk as a SIP endpoint the PBX rings in parallel with the agent's phone. See docs/telephony.md. */
      sip: z
        .strictObject({
          enabled: z.boolean().default(false),
          host: z.string().default('127.0.0.1'),
          port: Port.default(5070),
          transports: z.array(z.enum(['udp', 'tcp'])).min(1).default(['udp', 'tcp']),
          /** The address the PBX reaches the desk by, when it differs from `host` (NAT, 0.0.0.0). */
          publicAddress: z.string().optional(),
          user: z.string().min(1).default('agent-desk'),
          /**
           * Whose P-Asserted-Identity and Remote-Party-ID the desk believes (RFC 3325): IP addresses,
           * subnets or host names. Default: the registrar when registering, else this machine only.
           */
          trustedPeers: z
            .array(z.string().refine(isPeerAddress, 'an IP address, a subnet such as "10.20.0.0/16", or a host name'))
            .max(100)
            .optional(),
          registration: z
            .strictObject({
              registrar: z.string().regex(/^[^\s:]+(:\d+)?$/, 'host or host:port of the registrar'),
              domain: z.string().min(1),
              username: z.string().min(1),
              password: z.string().min(1),
              expiresSeconds: z.number().int().min(30).max(86_400).default(300),
            })
            .optional(),
        })
        .optional(),
    })
    .default({ json: { enabled: true, host: '127.0.0.1', port: 4780, token: null } }),
  /**
   * The hub this desk syncs with (docs/hub.md); none: the desk works alone on its local store.
   * The desk logs in as its agent id. IT's policy usually sets and locks the URL while the
   * password is each agent's own, so either may come without the other.
   */
  hub: z
    .strictObject({
      url: z.url({ protocol: /^https?$/, error: 'an http(s) URL of the hub, e.g. https://hub.example.internal:4790' }).nullable().default(null),
      password: z.string().min(1).nullable().default(null),
      /** Purchases and notes older than this are not brought to the desk. */
      historyDays: z.number().int().min(1).max(3_650).default(365),
    })
    .default({ url: null, password: null, historyDays: 365 }),
  /** Updates from IT's own server (electron-updater's generic provider); usually set and locked by the policy. */
  updates: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** The folder on the intranet server that holds latest.yml and the installers; none: no updates. */
      url: z.url({ protocol: /^https?$/, error: 'an http(s) URL of the update folder' }).nullable().default(null),
      channel: z.enum(['latest', 'beta']).default('latest'),
      /** Take updates over plain http: only for a lab without a certificate authority. */
      allowInsecure: z.boolean().default(false),
    })
    .superRefine((updates, ctx) => {
      const refusal = updateUrlRefusal(updates.url, updates.allowInsecure);
      if (refusal) ctx.addIssue({ code: 'custom', message: refusal, path: ['url'] });
    })
    .default({ enabled: true, url: null, channel: 'latest', allowInsecure: false }),
  /** The browser host (npm run serve): the same UI over WebSocket. */
  host: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: Port.default(4781),
      /** The host has no login: beyond loopback, anyone who reaches it uses the desk. Only when IT says so. */
      allowNetwork: z.boolean().default(false),
    })
    .refine((host) => isLoopbackHost(host.host) || host.allowNetwork, {
      message: 'a browser host beyond loopback serves the desk’s customers to anyone who can reach it: set host.allowNetwork: true to mean it',
      path: ['allowNetwork'],
    })
    .default({ host: '127.0.0.1', port: 4781, allowNetwork: false }),
});
export type DeskConfig = z.output<typeof DeskConfigSchema>;
export type DeskConfigInput = z.input<typeof DeskConfigSchema>;

export class DeskConfigError extends Error {
  override name = 'DeskConfigError';
}

export function parseDeskConfig(input: unknown, origin: string): DeskConfig {
  const parsed = DeskConfigSchema.safeParse(input);
  if (!parsed.success) throw new DeskConfigError(`${origin}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function resolveDataDir(config: DeskConfig): string {
  return config.dataDir ?? join(homedir(), '.agent-desk');
}
