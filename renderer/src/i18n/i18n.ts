/** All user-visible text goes through i18next; English is bundled, other languages add a JSON file beside it. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
}
