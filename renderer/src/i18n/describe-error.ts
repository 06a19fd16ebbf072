/** A failed desk request as the sentence the operator reads: what happened and what to do, in their language. */
import type { TFunction } from 'i18next';
import { DeskCallError } from '../api/desk-client.js';

export function describeError(err: unknown, t: TFunction): string {
  // A desk newer than this page may name a sentence the page does not know: then the general one.
  if (err instanceof DeskCallError && err.key) return t(`errors.${err.key}`, { ...err.values, defaultValue: t('errors.internal') });
  return t('errors.internal');
}
