/**
 * The configuration a desk runs with, from four layers: the machine-wide policy IT
 * deploys, the command line or environment, the user's own settings, and the embedded
 * defaults — in that order of precedence. Every value the policy sets is locked: no
 * other layer can change it, and the settings screen says which file locked it.
 *
 * A policy that cannot be read or does not validate never stops the desk: it starts
 * with the last policy that was good on this machine (or without one), and the problem
 * is reported naming the file and the field. Each layer is validated on its own, so a
 * message always points at the file that is wrong.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConfigProblem } from '../../../shared/config-problem.js';
import { describeIssues } from '../../../shared/zod-issues.js';
import { type DeskConfig, DeskConfigError, DeskConfigSchema } from './desk-config.js';

type Values = Record<string, unknown>;

export interface LockedSetting {
  /** Dotted path of the setting, e.g. "region" or "bridge.sip.port". */
  path: string;
  /** The policy file that set it. */
  origin: string;
}

export interface EffectiveConfig {
  config: DeskConfig;
  locked: LockedSetting[];
  /** What went wrong with a layer, naming its file and field, and what the desk runs with instead: for the log and the UI. */
  problems: ConfigProblem[];
}

export interface ConfigFiles {
  /** The machine-wide policy (see policyFile()). */
  policy: string;
  /** Where the last policy that validated is kept, to fall back on when the current one does not. */
  lastGoodPolicy: string;
  /** --config FILE or AGENT_DESK_CONFIG; a broken one is an error, as the person who passed it is there to fix it. */
  commandLine?: string | undefined;
  /** The user's own settings. */
  user: string;
}

/** Reads and validates one layer; a missing optional file is an empty layer, anything else wrong is a problem. */
function readLayer(path: string, optional = true): { values: Values } | { problem: string; detail: string } {
  const problem = (detail: string) => ({ problem: `${path}: ${detail}`, detail });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' && optional ? { values: {} } : problem(`cannot read (${code ?? String(err)})`);
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (err) {
    return problem(`not valid JSON (${(err as Error).message})`);
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return problem('must be a JSON object of settings');
  // Every field has a default, so a layer that sets only some of them validates on its own.
  const parsed = DeskConfigSchema.safeParse(values);
  return parsed.success ? { values: values as Values } : problem(describeIssues(parsed.error));
}

function isObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and plain values replace. */
function merge(under: Values, over: Values): Values {
  const out: Values = { ...under };
  for (const [key, value] of Object.entries(over)) out[key] = isObject(value) && isObject(out[key]) ? merge(out[key] as Values, value) : value;
  return out;
}

function leafPaths(values: Values, prefix = ''): string[] {
  return Object.entries(values).flatMap(([key, value]) =>
    isObject(value) && Object.keys(value).length > 0 ? leafPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function policyLayer(files: ConfigFiles, problems: ConfigProblem[]): { values: Values; origin: string } {
  const current = readLayer(files.policy);
  if ('values' in current) {
    if (Object.keys(current.values).length > 0) {
      mkdirSync(dirname(files.lastGoodPolicy), { recursive: true });
      copyFileSync(files.policy, files.lastGoodPolicy);
    }
    return { values: current.values, origin: files.policy };
  }
  const lastGood = readLayer(files.lastGoodPolicy);
  const fallback = 'values' in lastGood && Object.keys(lastGood.values).length > 0 ? lastGood.values : null;
  problems.push(
    fallback
      ? { file: files.policy, detail: current.detail, instead: 'last_good_policy', lastGood: files.lastGoodPolicy }
      : { file: files.policy, detail: current.detail, instead: 'no_policy' },
  );
  return { values: fallback ?? {}, origin: files.policy };
}

export function loadEffectiveConfig(files: ConfigFiles): EffectiveConfig {
  const problems: ConfigProblem[] = [];
  const policy = policyLayer(files, problems);

  // A file named on the command line is meant to exist: a typo in its path is an error, not an empty layer.
  const commandLine = files.commandLine ? readLayer(files.commandLine, false) : { values: {} };
  if ('problem' in commandLine) throw new DeskConfigError(commandLine.problem);

  const user = readLayer(files.user);
  if ('problem' in user) problems.push({ file: files.user, detail: user.detail, instead: 'without_user_settings' });
  const userValues = 'values' in user ? user.values : {};

  const layered = merge(merge(userValues, commandLine.values), policy.values);
  const parsed = DeskConfigSchema.safeParse(layered);
  // Layers valid alone can still clash (an AMI bridge enabled by one, its secret missing in all):
  // then the policy alone decides, over the defaults.
  const config = parsed.success ? parsed.data : DeskConfigSchema.parse(policy.values);
  if (!parsed.success) problems.push({ file: null, detail: describeIssues(parsed.error), instead: 'policy_and_defaults' });

  return { config, locked: leafPaths(policy.values).map((path) => ({ path, origin: policy.origin })), problems };
}
