/** The name, company, email and type inputs the create and edit forms share; a form adds its own below them. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { withoutControlCharacters } from '../../../../shared/text-rules.js';
import type { CustomerFieldValues } from './customer-fields.js';

interface Props {
  values: CustomerFieldValues;
  onChange: (values: CustomerFieldValues) => void;
  children?: ReactNode;
}

export function CustomerFields({ values, onChange, children }: Props) {
  const { t } = useTranslation();
  const field = (name: keyof CustomerFieldValues) => ({
    value: values[name],
    onChange: (e: { target: { value: string } }) => onChange({ ...values, [name]: withoutControlCharacters(e.target.value, 'single-line') }),
  });
  return (
    <div className="fields">
      <label>{t('create.firstName')}<input {...field('firstName')} autoComplete="off" /></label>
      <label>{t('create.lastName')}<input {...field('lastName')} autoComplete="off" /></label>
      <label>{t('create.company')}<input {...field('company')} autoComplete="off" /></label>
      <label>{t('create.email')}<input type="email" {...field('email')} autoComplete="off" /></label>
      {children}
      <label>
        {t('create.type')}
        <select {...field('type')}>
          <option value="person">{t('create.person')}</option>
          <option value="business">{t('create.business')}</option>
        </select>
      </label>
    </div>
  );
}
