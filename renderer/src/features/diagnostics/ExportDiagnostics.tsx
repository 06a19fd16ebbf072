/** One click for the archive IT asks for when a desk misbehaves; says where it was written. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskClient } from '../../api/desk-context.js';
import { describeError } from '../../i18n/describe-error.js';

export function ExportDiagnostics() {
  const { t } = useTranslation();
  const client = useDeskClient();
  const [outcome, setOutcome] = useState<string>('');
  const exportNow = () => {
    setOutcome(t('diagnostics.working'));
    client.exportDiagnostics({}).then(
      ({ file }) => setOutcome(t('diagnostics.saved', { file })),
      (err: unknown) => setOutcome(t('diagnostics.failed', { message: describeError(err, t) })),
    );
  };
  return (
    <span className="diagnostics">
      <button type="button" className="ghost" onClick={exportNow}>
        {t('diagnostics.export')}
      </button>
      <span role="status" aria-label={t('diagnostics.export')} className="meta">
        {outcome}
      </span>
    </span>
  );
}
