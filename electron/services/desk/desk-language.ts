/** Which language and time zone a desk starts in: the agent's choice, else IT's default, else the OS's. */
import type { DeskLanguage } from '../../../shared/desk-api.js';
import { matchLocale } from '../../../shared/i18n/locales.js';
import { isTimeZone } from '../../../shared/time-zone.js';
import type { DeskConfig } from '../config/desk-config.js';

/** The OS's preferred languages (BCP 47 or POSIX tags) and its time zone. */
export interface SystemLanguage {
  locales: readonly string[];
  timeZone: string;
}

/** In plain Node, ICU's default locale and zone follow LANG / LC_ALL and TZ. */
export function systemLanguage(): SystemLanguage {
  const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
  return { locales: [locale], timeZone };
}

export function resolveLanguage(config: Pick<DeskConfig, 'locale' | 'defaultLocale' | 'timeZone'>, system: SystemLanguage): DeskLanguage {
  return {
    locale: config.locale ?? config.defaultLocale ?? matchLocale(system.locales),
    timeZone: config.timeZone ?? (isTimeZone(system.timeZone) ? system.timeZone : 'UTC'),
  };
}
