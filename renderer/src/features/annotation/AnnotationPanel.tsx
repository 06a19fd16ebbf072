/** Note, disposition and follow-up for a call or a customer; Ctrl+Enter saves. */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { E164 } from '../../../../shared/domain.js';
import { labelIn } from '../../../../shared/i18n/localised-label.js';
import { useDeskClient } from '../../api/desk-context.js';
import { useDeskLocale } from '../../i18n/desk-language.js';
import { describeError } from '../../i18n/describe-error.js';
import { useDeskView } from '../../state/desk-state.js';
import { clearDraft, type Draft, draftKey, emptyDraft, loadDraft, saveDraft } from './draft.js';
import { WrapUp } from '../agent-state/WrapUp.js';
import { isIsoDay } from '../../day-format.js';
import { withoutControlCharacters } from '../../../../shared/text-rules.js';
import { DayInput, useDayPattern } from '../../DayInput.js';

interface Props {
  callId: string | null;
  customerId: string | null;
  phone: E164 | null;
  onSaved?: (() => void) | undefined;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function AnnotationPanel({ callId, customerId, phone, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useDeskClient();
  const dispositions = useDeskView((v) => v.settings?.dispositions ?? []);
  const locale = useDeskLocale();
  const dayPattern = useDayPattern();
  const key = draftKey(callId, customerId);
  // One panel serves one call-and-customer pair; its parent gives it a React key per pair.
  const [current, setCurrent] = useState<Draft>(() => loadDraft(key));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const id = useId();

  useEffect(() => saveDraft(key, current), [key, current]);

  const update = (change: Partial<Draft>) => {
    setCurrent((draft) => ({ ...draft, ...change }));
    setStatus({ kind: 'idle' });
  };

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (current.disposition === '') return setStatus({ kind: 'error', message: t('annotation.needsDisposition') });
    if (current.followUpOn !== '' && !isIsoDay(current.followUpOn)) return setStatus({ kind: 'error', message: t('annotation.followUpInvalid', { pattern: dayPattern }) });
    setStatus({ kind: 'saving' });
    try {
      await client.saveAnnotation({
        mutationId: current.mutationId,
        callId,
        customerId,
        phone,
        note: current.note,
        disposition: current.disposition,
        followUpOn: current.followUpOn || null,
      });
      clearDraft(key);
      setCurrent(emptyDraft());
      setStatus({ kind: 'saved' });
      onSaved?.();
    } catch (err) {
      setStatus({ kind: 'error', message: describeError(err, t) });
    }
  }

  return (
    <form
      className="annotation"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
      }}
    >
      <h3 id={`${id}-title`}>{callId ? t('annotation.title') : t('annotation.titleCustomer')}</h3>
      {callId && <WrapUp />}
      <label htmlFor={`${id}-note`}>{t('annotation.note')}</label>
      <textarea id={`${id}-note`} rows={4} value={current.note} onChange={(e) => update({ note: withoutControlCharacters(e.target.value, 'multi-line') })} />
      <div className="row">
        <label>
          {t('annotation.disposition')}
          <select value={current.disposition} onChange={(e) => update({ disposition: e.target.value })}>
            <option value="">{t('annotation.choose')}</option>
            {dispositions.map((d) => (
              <option key={d.code} value={d.code}>
                {labelIn(d.label, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('annotation.followUp')}
          <DayInput value={current.followUpOn} onChange={(followUpOn) => update({ followUpOn })} />
        </label>
        <button type="submit" aria-keyshortcuts="Control+Enter" disabled={status.kind === 'saving'}>
          {status.kind === 'saving' ? t('annotation.saving') : t('annotation.save')}
        </button>
      </div>
      <p className="meta" aria-live="polite">
        {status.kind === 'saved' ? t('annotation.saved') : current.note !== '' ? t('annotation.draftKept') : ''}
      </p>
      {status.kind === 'error' && <p role="alert" className="error">{status.message}</p>}
    </form>
  );
}
