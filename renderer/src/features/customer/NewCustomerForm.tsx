/**
 * An unknown caller becomes a customer without retyping the number. The desk re-pops
 * the call once the customer exists, so the card turns into a known caller's card.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { E164 } from '../../../../shared/domain.js';
import { normalisePhone } from '../../../../shared/phone/normalise.js';
import { useDeskClient } from '../../api/desk-context.js';
import { useDeskView } from '../../state/desk-state.js';

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
  const [form, setForm] = useState({ firstName: nameFirst, lastName: nameRest.join(' '), company: '', email: '', type: 'person', number: phone ?? defaultNumber });
  const [mutationId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const normalised = normalisePhone(form.number, region);
    setSaving(true);
    setError(null);
    try {
      await client.createCustomer({
        mutationId,
        firstName: form.firstName,
        lastName: form.lastName,
        company: form.company.trim() || null,
        email: form.email.trim() || null,
        type: form.type === 'business' ? 'business' : 'person',
        phones: normalised.kind === 'e164' ? [{ e164: normalised.e164, label: 'mobile' }] : [],
      });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="create-customer" aria-label={t('create.title')} onSubmit={(e) => void submit(e)}>
      <h3>{t('create.title')}</h3>
      <div className="fields">
        <label>{t('create.firstName')}<input {...field('firstName')} autoComplete="off" /></label>
        <label>{t('create.lastName')}<input {...field('lastName')} autoComplete="off" /></label>
        <label>{t('create.company')}<input {...field('company')} autoComplete="off" /></label>
        <label>{t('create.email')}<input type="email" {...field('email')} autoComplete="off" /></label>
        <label>{t('create.phone')}<input {...field('number')} autoComplete="off" /></label>
        <label>
          {t('create.type')}
          <select {...field('type')}>
            <option value="person">{t('create.person')}</option>
            <option value="business">{t('create.business')}</option>
          </select>
        </label>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={saving}>{saving ? t('create.saving') : t('create.save')}</button>
    </form>
  );
}
