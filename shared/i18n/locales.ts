/**
 * The languages the desk speaks, declared once: the configuration's schema, the settings'
 * picker, the renderer and the Electron shell all take the list from here. Each language is
 * the JSON file of its name beside this one; tests/unit/shared/i18n/locales.test.ts fails when a file
 * lacks a key en.json has, or a plural form its language needs.
 */
import { z } from 'zod';

export const LOCALES = ['en', 'bg', 'ru', 'uk', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = z.enum(LOCALES, { error: `one of the desk's languages: ${LOCALES.join(', ')}` });

/** The language whose text is shown for a key another language lacks (the key test keeps that from happening). */
export const FALLBACK_LOCALE: Locale = 'en';

/**
 * The first of a person's preferred languages that the desk speaks: BCP 47 tags from a
 * browser ("bg-BG", "uk") or POSIX ones from an OS ("pl_PL.UTF-8"); English when none.
 * By hand rather than Intl.Locale, which throws on the POSIX form.
 */
export function matchLocale(preferences: readonly string[]): Locale {
  for (const tag of preferences) {
    const language = tag.split(/[-_.@]/)[0]?.toLowerCase();
    const found = LOCALES.find((locale) => locale === language);
    if (found) return found;
  }
  return FALLBACK_LOCALE;
}

/** A language as its own speakers write it ("Български", "Polski"), for the picker. */
export function languageName(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

