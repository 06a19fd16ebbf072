/**
 * An unknown caller becomes a customer without retyping the number. The desk re-pops
 * the call once the customer exists, so the card turns into a known caller's card.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { E164 } from '../../../../shared/domain.js';
import { normalisePhone } from '../../../../shared/phone/normalise.js';
import { useDeskClient } from '../../api/desk-context.js';
import { describeError } from '../../i18n/describe-error.js';
import { useDeskView } from '../../state/desk-state.js';
import { type CustomerFieldValues, toCustomerFields } from './customer-fields.js';
import { CustomerFields } from './CustomerFields.js';

interface Props {
  phone: E164 | null;
  defaultNumber: string;
  remoteName: string | undefined;
}

export function NewCustomerForm({ phone, defaultNumber, remoteName }: Props) {
  const { t } = useTranslation();
  const client = useDeskClient();
  const region = useDeskView((v) => v.settings?.region ?? 'BG');
  const [nameFirst = '', ...nameRest] = (remoteName ?? '').split(' ');
  const [values, setValues] = useState<CustomerFieldValues>({ firstName: nameFirst, lastName: nameRest.join(' '), company: '', email: '', type: 'person' });
  const [number, setNumber] = useState<string>(phone ?? defaultNumber);
  const [mutationId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const normalised = normalisePhone(number, region);
    setSaving(true);
    setError(null);
    try {
      await client.createCustomer({
        mutationId,
        ...toCustomerFields(values),
        phones: normalised.kind === 'e164' ? [{ e164: normalised.e164, label: 'mobile' }] : [],
      });
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="create-customer" aria-label={t('create.title')} onSubmit={(e) => void submit(e)}>
      <h3>{t('create.title')}</h3>
      <CustomerFields values={values} onChange={setValues}>
        <label>{t('create.phone')}<input value={number} onChange={(e) => setNumber(e.target.value)} autoComplete="off" /></label>
      </CustomerFields>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={saving}>{saving ? t('create.saving') : t('create.save')}</button>
    </form>
  );
}
