/**
 * The agent's language: every screen of this desk switches at once, without a restart, and
 * the desk keeps the choice in the agent's settings file. Disabled when IT's policy sets it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName, type Locale, LOCALES } from '../../../../shared/i18n/locales.js';
import { useDeskLocale } from '../../i18n/desk-language.js';
import { describeError } from '../../i18n/describe-error.js';
import { useDeskView } from '../../state/desk-state.js';

export function LanguagePicker({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const setLocale = useDeskView((v) => v.setLocale);
  const locale = useDeskLocale();
  const [outcome, setOutcome] = useState<{ kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; error: unknown }>({ kind: 'idle' });
  const choose = (next: Locale) =>
    setLocale(next).then(
      () => setOutcome({ kind: 'saved' }),
      (error: unknown) => setOutcome({ kind: 'failed', error }),
    );
  return (
    <div className="language-picker">
      <select aria-label={t('settings.language')} value={locale} disabled={locked} onChange={(e) => void choose(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageName(l)}
          </option>
        ))}
      </select>
      <span role="status" className={outcome.kind === 'failed' ? 'error' : 'meta'}>
        {outcome.kind === 'saved' ? t('settings.languageSaved') : outcome.kind === 'failed' ? describeError(outcome.error, t) : ''}
      </span>
    </div>
  );
}
