/**
 * A configuration file the desk could not use, and what it runs with instead: the banner,
 * the settings screen, the shell's dialog and the log each say it as a sentence, so
 * "skipped" is never said of a policy whose last good copy is in fact in use.
 */
import type { TFunction } from 'i18next';
import { z } from 'zod';

export const ConfigProblemSchema = z.object({
  /** The file that could not be used; null when valid files clash together. */
  file: z.string().nullable(),
  /** What is wrong, as the parser or the schema says it: for IT, who fixes the file. */
  detail: z.string(),
  instead: z.enum(['last_good_policy', 'no_policy', 'without_user_settings', 'policy_and_defaults']),
  /** Where the last good policy is kept, when that is what the desk runs with. */
  lastGood: z.string().optional(),
});
export type ConfigProblem = z.infer<typeof ConfigProblemSchema>;

export function describeConfigProblem({ file, detail, instead, lastGood }: ConfigProblem, t: TFunction): string {
  return t(`configProblem.${instead}`, { file, detail, lastGood });
}
