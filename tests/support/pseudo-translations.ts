/**
 * Stands in for shared/i18n/translations.ts in the pseudo-locale build (vite build --mode
 * pseudo, see vite.config.ts): every language speaks the pseudo-locale, so a desk in any
 * language shows it. Test-only: it never ships.
 */
import type { ResourceLanguage } from 'i18next';
import en from '../../shared/i18n/en.json' with { type: 'json' };
import type { Locale } from '../../shared/i18n/locales.js';
import { pseudoLocalise } from './pseudo-locale.js';

export type Translation = typeof en;

const pseudo = pseudoLocalise(en);
export const translations: Record<Locale, ResourceLanguage> = { en: pseudo, bg: pseudo, ru: pseudo, uk: pseudo, pl: pseudo };
