/** The one i18next setup both the renderer and the desk's Node side start from. */
import type { InitOptions } from 'i18next';
import { FALLBACK_LOCALE, type Locale, LOCALES } from './locales.js';
import { translations } from './translations.js';

export function i18nextOptions(lng: Locale): InitOptions {
  return {
    resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: translations[locale] }])),
    lng,
    fallbackLng: FALLBACK_LOCALE,
    supportedLngs: [...LOCALES],
    // React escapes what it renders; notifications and dialogs are plain text.
    interpolation: { escapeValue: false },
  };
}
