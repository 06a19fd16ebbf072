/**
 * A name from configuration that people read (a disposition, a queue): one string for
 * every language, as configurations have always written it, or one per language.
 */
import { z } from 'zod';
import { FALLBACK_LOCALE, type Locale, LocaleSchema } from './locales.js';

/** `field`: the text rule and bound of the label, from shared/text-rules.ts. */
export function localisedLabelSchema(field: z.ZodString) {
  const text = field.min(1);
  return z.union([
    text,
    z
      .partialRecord(LocaleSchema, text)
      .refine((labels) => Object.keys(labels).length > 0, 'a label in at least one of the languages'),
  ]);
}
export type LocalisedLabel = string | Partial<Record<Locale, string>>;

/** The label in this language, else in English, else in whichever language it has. */
export function labelIn(label: LocalisedLabel, locale: Locale): string {
  if (typeof label === 'string') return label;
  return label[locale] ?? label[FALLBACK_LOCALE] ?? Object.values(label)[0] ?? '';
}

