/**
 * Note, disposition and follow-up for a call or a customer; the desk's shortcuts reach each
 * field and save (see shortcut-table.ts). What is typed is a draft in the desk's store until
 * it is saved or discarded on purpose.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { E164 } from '../../../../shared/domain.js';
import { type Draft, draftKey, isBlankDraft } from '../../../../shared/draft.js';
import { labelIn } from '../../../../shared/i18n/localised-label.js';
import { useDeskLocale } from '../../i18n/desk-language.js';
import { describeError } from '../../i18n/describe-error.js';
import { useDeskView } from '../../state/desk-state.js';
import { DiscardDraft } from './discard-draft.js';
import { WrapUp } from '../agent-state/wrap-up.js';
import { isIsoDay } from '../../day-format.js';
import { withoutControlCharacters } from '../../../../shared/text-rules.js';
import { DayInput, useDayPattern } from '../../day-input.js';
import { useNoteFormKeys } from '../shortcuts/note-form-keys.js';
import { ariaKeyShortcuts } from '../shortcuts/shortcut-table.js';

interface Props {
  callId: string | null;
  customerId: string | null;
  phone: E164 | null;
  /** Who the note is about, as the card names them: kept with the draft for its tab. */
  customerName: string | null;
  onSaved?: (() => void) | undefined;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function AnnotationPanel({ callId, customerId, phone, customerName, onSaved }: Props) {
  const { t } = useTranslation();
  const saveAnnotation = useDeskView((v) => v.saveAnnotation);
  const discardDraft = useDeskView((v) => v.discardDraft);
  const dispositions = useDeskView((v) => v.settings?.dispositions ?? []);
  const locale = useDeskLocale();
  const dayPattern = useDayPattern();
  const subject = { callId, customerId };
  const key = draftKey(subject);
  const sender = useDeskView((v) => v.draftSender)();
  const blank = (): Draft => ({ mutationId: crypto.randomUUID(), callId, customerId, phone, customerName, note: '', disposition: '', followUpOn: '', updatedAt: new Date().toISOString() });
  const [current, setCurrent] = useState<Draft>(() => useDeskView.getState().drafts[key] ?? blank());
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const notKept = useDeskView((v) => v.draftFailures[key]);
  const id = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const dispositionRef = useRef<HTMLSelectElement>(null);
  const followUpRef = useRef<HTMLInputElement>(null);

  // A panel that goes (the operator switched calls, the window closes) sends what is typed at once.
  useEffect(() => () => sender.flush(key), [sender, key]);

  const update = (change: Partial<Draft>) => {
    const draft = { ...current, ...change, callId, customerId, phone, customerName, updatedAt: new Date().toISOString() };
    setCurrent(draft);
    sender.edit(draft);
    setStatus({ kind: 'idle' });
  };

  function discard() {
    sender.forget(key);
    useDeskView.getState().draftRemoved(subject);
    setCurrent(blank());
    discardDraft(subject).catch((err: unknown) => setStatus({ kind: 'error', message: describeError(err, t) }));
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (current.disposition === '') return setStatus({ kind: 'error', message: t('annotation.needsDisposition') });
    if (current.followUpOn !== '' && !isIsoDay(current.followUpOn)) return setStatus({ kind: 'error', message: t('annotation.followUpInvalid', { pattern: dayPattern }) });
    setStatus({ kind: 'saving' });
    // A change still waiting to be sent would bring the draft back after the save removed it.
    sender.forget(key);
    try {
      await saveAnnotation({
        mutationId: current.mutationId,
        callId,
        customerId,
        phone,
        note: current.note,
        disposition: current.disposition,
        followUpOn: current.followUpOn || null,
      });
      useDeskView.getState().draftRemoved(subject);
      setCurrent(blank());
      setStatus({ kind: 'saved' });
      onSaved?.();
    } catch (err) {
      sender.edit(current);
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
      onBlur={() => sender.flush(key)}
    >
      <h3 id={`${id}-title`}>{callId ? t('annotation.title') : t('annotation.titleCustomer')}</h3>
      {callId && <WrapUp />}
      <label htmlFor={`${id}-note`}>{t('annotation.note')}</label>
      <textarea ref={noteRef} id={`${id}-note`} aria-keyshortcuts={ariaKeyShortcuts('note')} rows={4} value={current.note} onChange={(e) => update({ note: withoutControlCharacters(e.target.value, 'multi-line') })} />
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
        {!isBlankDraft(current) && <DiscardDraft onDiscard={discard} />}
      </div>
      <p className="meta" aria-live="polite">
        {status.kind === 'saved' ? t('annotation.saved') : !isBlankDraft(current) ? t('annotation.draftKept') : ''}
      </p>
      {status.kind === 'error' && <p role="alert" className="error">{status.message}</p>}
      {notKept !== undefined && status.kind !== 'error' && <p role="alert" className="error">{t('annotation.draftNotKept', { reason: describeError(notKept, t) })}</p>}
    </form>
  );
}
