/** Text in a given language outside React: the desk's notifications, tray, dialogs and error messages. */
import i18next, { type TFunction } from 'i18next';
import { i18nextOptions } from './i18next-options.js';
import type { Locale } from './locales.js';

const translators = new Map<Locale, TFunction>();

export function translatorFor(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    const instance = i18next.createInstance();
    // The resources are bundled, so init completes synchronously and t is usable at once.
    void instance.init({ ...i18nextOptions(locale), initAsync: false });
    t = instance.getFixedT(locale);
    translators.set(locale, t);
  }
  return t;
}
