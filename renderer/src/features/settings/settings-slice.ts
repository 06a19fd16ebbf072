/**
 * The agent's language. Only the desk's language event writes it: the desk tells every
 * attached screen, this one included, so the answer to our own request is not a second writer.
 */
import type { StateCreator } from 'zustand';
import type { DeskLanguage } from '../../../../shared/desk-api.js';
import type { Locale } from '../../../../shared/i18n/locales.js';
import type { DeskView } from '../../state/desk-state.js';

export interface SettingsSlice {
  language: DeskLanguage | null;
  languageChanged(language: DeskLanguage): void;
  /** Rejects with the desk's refusal, for the picker to say beside itself. */
  setLocale(locale: Locale): Promise<void>;
}

export const createSettingsSlice: StateCreator<DeskView, [], [], SettingsSlice> = (set, get) => ({
  language: null,
  languageChanged: (language) => set({ language }),
  setLocale: async (locale) => void (await get().attemptHere('setLocale', (desk) => desk.setLocale({ locale }))),
});
