/**
 * The text of every language, bundled: the desk runs from local files and must speak the
 * agent's language with no network. The end-to-end pseudo-locale build swaps this module
 * (vite.config.ts, mode "pseudo"), so keep it to these imports.
 */
import bg from './bg.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import pl from './pl.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import uk from './uk.json' with { type: 'json' };
import type { ResourceLanguage } from 'i18next';
import type { Locale } from './locales.js';

export type Translation = typeof en;

/** Each language's file as written; the key test checks that each has what en.json has. */
export const translations: Record<Locale, ResourceLanguage> = { en, bg, ru, uk, pl };
