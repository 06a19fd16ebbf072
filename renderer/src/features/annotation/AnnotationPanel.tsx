/** Note, disposition and follow-up for a call or a customer; the desk's shortcuts reach each field and save (see shortcut-table.ts). */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
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
import { DayInput, useDayPattern } from '../../DayInput.js';
import { useNoteFormKeys } from '../shortcuts/note-form-keys.js';
import { ariaKeyShortcuts } from '../shortcuts/shortcut-table.js';

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
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const dispositionRef = useRef<HTMLSelectElement>(null);
  const followUpRef = useRef<HTMLInputElement>(null);

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

  useNoteFormKeys({
    note: () => noteRef.current?.focus(),
    disposition: () => dispositionRef.current?.focus(),
    pickOutcome: (n) => {
      const outcome = dispositions[n - 1];
      if (outcome) update({ disposition: outcome.code });
    },
    followUp: () => followUpRef.current?.focus(),
    save: () => void save(),
  });

  return (
    <form
      className="annotation"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void save(e)}
    >
      <h3 id={`${id}-title`}>{callId ? t('annotation.title') : t('annotation.titleCustomer')}</h3>
      {callId && <WrapUp />}
      <label htmlFor={`${id}-note`}>{t('annotation.note')}</label>
      <textarea ref={noteRef} id={`${id}-note`} aria-keyshortcuts={ariaKeyShortcuts('note')} rows={4} value={current.note} onChange={(e) => update({ note: e.target.value })} />
      <div className="row">
        <label>
          {t('annotation.disposition')}
          <select
            ref={dispositionRef}
            data-shortcut-scope="disposition"
            aria-keyshortcuts={ariaKeyShortcuts('disposition')}
            value={current.disposition}
            onChange={(e) => update({ disposition: e.target.value })}
          >
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
          <DayInput ref={followUpRef} aria-keyshortcuts={ariaKeyShortcuts('followUp')} value={current.followUpOn} onChange={(followUpOn) => update({ followUpOn })} />
        </label>
        <button type="submit" aria-keyshortcuts={ariaKeyShortcuts('save')} disabled={status.kind === 'saving'}>
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
