/**
 * Corrects a customer's name, company, email or type from their card. The edit leaves
 * through the outbox like a note; the desk re-pops the calls that show this customer.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain.js';
import { describeError } from '../../i18n/describe-error.js';
import { useDeskView } from '../../state/desk-state.js';
import { changedFields, fieldValuesOf } from './customer-fields.js';
import { CustomerFields } from './customer-field-inputs.js';

interface Props {
  customer: Customer;
  /** Called when the form closes; saved says whether anything was written. */
  onDone: (saved: boolean) => void;
}

export function EditCustomerForm({ customer, onDone }: Props) {
  const { t } = useTranslation();
  const updateCustomer = useDeskView((v) => v.updateCustomer);
  const [values, setValues] = useState(() => fieldValuesOf(customer));
  const [mutationId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields = changedFields(customer, values);
    if (Object.keys(fields).length === 0) return onDone(false);
    setSaving(true);
    setError(null);
    try {
      await updateCustomer({ mutationId, customerId: customer.id, fields });
      onDone(true);
    } catch (err) {
      setError(describeError(err, t));
      setSaving(false);
    }
  }

  return (
    <form className="create-customer" aria-label={t('edit.title')} onSubmit={(e) => void submit(e)}>
      <CustomerFields values={values} onChange={setValues} />
      {error && <p role="alert" className="error">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={saving}>{saving ? t('edit.saving') : t('edit.save')}</button>
        <button type="button" className="ghost" onClick={() => onDone(false)}>{t('edit.cancel')}</button>
      </div>
    </form>
  );
}
