/** The page speaks its desk's language: on attach, and whenever the agent switches on any screen of this desk. */
import { useDeskView } from '../state/desk-state.js';
import { speak } from './i18n.js';

export function followDeskLanguage(): () => void {
  return useDeskView.subscribe((view, previous) => {
    if (view.language && view.language.locale !== previous.language?.locale) speak(view.language.locale);
  });
}
