/**
 * All user-visible text goes through i18next. Every language is bundled (shared/i18n); the
 * page starts in the browser's language and then speaks whatever its desk says the agent
 * chose, switching in place when they pick another.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nextOptions } from '../../../shared/i18n/i18next-options.js';
import { type Locale, matchLocale } from '../../../shared/i18n/locales.js';

/** The browser's (in Electron: the OS's) preferred language that the desk speaks. */
export const browserLocale = (): Locale => matchLocale(navigator.languages);

export async function initI18n(locale: Locale): Promise<void> {
  await i18next.use(initReactI18next).init(i18nextOptions(locale));
  document.documentElement.lang = locale;
}

/** Switches every mounted component to this language; `lang` lets screen readers and hyphenation follow. */
export function speak(locale: Locale): void {
  if (i18next.language !== locale) void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
