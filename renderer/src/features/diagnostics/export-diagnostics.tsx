/** One click for the archive IT asks for when a desk misbehaves; says where it was written. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describe-error.js';
import { useDeskView } from '../../state/desk-state.js';

/** Long enough to read a path out to IT; after that the top bar gets its room back. A failure stays until the next try. */
const SAVED_SHOWN_MS = 10_000;

type Outcome = { kind: 'none' } | { kind: 'working' } | { kind: 'saved'; file: string } | { kind: 'failed'; message: string };

export function ExportDiagnostics() {
  const { t } = useTranslation();
  const exportDiagnostics = useDeskView((v) => v.exportDiagnostics);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  useEffect(() => {
    if (outcome.kind !== 'saved') return;
    const timer = setTimeout(() => setOutcome({ kind: 'none' }), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  const exportNow = () => {
    setOutcome({ kind: 'working' });
    exportDiagnostics().then(
      (file) => setOutcome({ kind: 'saved', file }),
      (err: unknown) => setOutcome({ kind: 'failed', message: describeError(err, t) }),
    );
  };
  const text =
    outcome.kind === 'working'
      ? t('diagnostics.working')
      : outcome.kind === 'saved'
        ? t('diagnostics.saved', { file: outcome.file })
        : outcome.kind === 'failed'
          ? t('diagnostics.failed', { message: outcome.message })
          : '';
  return (
    <span className="diagnostics">
      <button type="button" className="ghost" onClick={exportNow}>
        {t('diagnostics.export')}
      </button>
      <span role="status" aria-label={t('diagnostics.export')} className="meta" title={outcome.kind === 'saved' ? outcome.file : undefined}>
        {text}
      </span>
    </span>
  );
}
