/** The board speaks its browser's language and shows times in the hub's board zone. */
import { useTranslation } from 'react-i18next';
import { type Locale, matchLocale } from '../../../../shared/i18n/locales.js';
import { type Formats, formatsFor } from '../../format.js';
import { useBoard } from './board-state.js';

export function useBoardLocale(): Locale {
  return matchLocale([useTranslation().i18n.language]);
}

export function useBoardFormats(): Formats {
  const locale = useBoardLocale();
  return formatsFor(locale, useBoard((v) => v.timeZone));
}
