/**
 * Writes what an agent chose on the settings screen into their own settings file (the user
 * layer of effective-config.ts), so the desk starts with it next time. The rest of the file
 * is kept as it is; a file that does not read or parse is left alone and the change refused,
 * so a setting the agent or IT wrote there is never lost to a rewrite.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeIssues } from '../../../shared/zod-issues.js';
import { DeskConfigSchema, type DeskConfigInput } from './desk-config.js';

export class SettingsNotSavedError extends Error {
  override name = 'SettingsNotSavedError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: not saved (${reason})`);
  }
}

function readSettings(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new SettingsNotSavedError(file, `cannot read it: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    throw new SettingsNotSavedError(file, 'it is not valid JSON');
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new SettingsNotSavedError(file, 'it is not a JSON object of settings');
  return values as Record<string, unknown>;
}

/** Sets these top-level fields in the user's settings file, creating it if need be. */
export function saveUserSettings(file: string, change: Partial<DeskConfigInput>): void {
  const values = { ...readSettings(file), ...change };
  const parsed = DeskConfigSchema.safeParse(values);
  if (!parsed.success) throw new SettingsNotSavedError(file, describeIssues(parsed.error));
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written beside it and renamed over it: a crash mid-write leaves the old file, never half a new one.
    const next = `${file}.${process.pid}.tmp`;
    writeFileSync(next, `${JSON.stringify(values, null, 2)}\n`);
    renameSync(next, file);
  } catch (err) {
    throw new SettingsNotSavedError(file, `cannot write it: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}
