/**
 * An unknown caller becomes a customer without retyping the number. The card shows the
 * new customer at once, whichever number was typed; the desk re-pops the call too when
 * it was the caller's own number.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCard, E164, Phone, Region } from '../../../../shared/domain.js';
import { normalisePhone } from '../../../../shared/phone/normalise.js';
import { describeError } from '../../i18n/describe-error.js';
import { useDeskView } from '../../state/desk-state.js';
import { type CustomerFieldValues, toCustomerFields } from './customer-fields.js';
import { CustomerFields } from './customer-field-inputs.js';

interface Props {
  phone: E164 | null;
  defaultNumber: string;
  remoteName: string | undefined;
  onCreated(card: CustomerCard): void;
}

/** No number is a customer without a phone (a withheld caller); a number that is not a full one is refused, never dropped. */
function phonesFrom(number: string, region: Region): Phone[] | 'invalid' {
  if (number.trim() === '') return [];
  const normalised = normalisePhone(number, region);
  return normalised.kind === 'e164' ? [{ e164: normalised.e164, label: 'mobile' }] : 'invalid';
}

export function NewCustomerForm({ phone, defaultNumber, remoteName, onCreated }: Props) {
  const { t } = useTranslation();
  const createCustomer = useDeskView((v) => v.createCustomer);
  const region = useDeskView((v) => v.settings?.region ?? 'BG');
  const [nameFirst = '', ...nameRest] = (remoteName ?? '').split(' ');
  const [values, setValues] = useState<CustomerFieldValues>({ firstName: nameFirst, lastName: nameRest.join(' '), company: '', email: '', type: 'person' });
  const [number, setNumber] = useState<string>(phone ?? defaultNumber);
  const [mutationId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<{ message: string; phone: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const phoneRef = useRef<HTMLInputElement>(null);
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const phones = phonesFrom(number, region);
    if (phones === 'invalid') {
      setError({ message: t('create.phoneInvalid', { number: number.trim() }), phone: true });
      phoneRef.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onCreated(await createCustomer({ mutationId, ...toCustomerFields(values), phones }));
    } catch (err) {
      setError({ message: describeError(err, t), phone: false });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="create-customer" aria-label={t('create.title')} onSubmit={(e) => void submit(e)}>
      <h3>{t('create.title')}</h3>
      <CustomerFields values={values} onChange={setValues}>
        <label>
          {t('create.phone')}
          <input
            ref={phoneRef}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            autoComplete="off"
            aria-invalid={error?.phone === true}
            aria-describedby={error?.phone ? errorId : undefined}
          />
        </label>
      </CustomerFields>
      {error && <p id={errorId} role="alert" className="error">{error.message}</p>}
      <button type="submit" disabled={saving}>{saving ? t('create.saving') : t('create.save')}</button>
    </form>
  );
}
