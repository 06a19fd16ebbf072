/** The agent's language and the desk's zone, for components: what to label with and how to write dates. */
import { useTranslation } from 'react-i18next';
import { type Locale, matchLocale } from '../../../shared/i18n/locales.js';
import { type Formats, formatsFor } from '../format.js';
import { useDeskView } from '../state/desk-state.js';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The desk's language once attached; until then the page's. */
export function useDeskLocale(): Locale {
  const { i18n } = useTranslation();
  return useDeskView((v) => v.language?.locale) ?? matchLocale([i18n.language]);
}

export function useDeskFormats(): Formats {
  const locale = useDeskLocale();
  const timeZone = useDeskView((v) => v.language?.timeZone) ?? browserZone();
  return formatsFor(locale, timeZone);
}
