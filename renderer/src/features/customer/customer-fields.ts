/** The fields an operator types for a customer, as the create and edit forms hold them. */
import type { Customer, CustomerType } from '../../../../shared/domain.js';
import type { CustomerEdit } from '../../../../shared/sync.js';

export interface CustomerFieldValues {
  firstName: string;
  lastName: string;
  company: string;
  email: string;
  type: CustomerType;
}

/** What the forms send: trimmed, and an empty company or email is none. */
export function toCustomerFields(values: CustomerFieldValues) {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    company: values.company.trim() || null,
    email: values.email.trim() || null,
    type: values.type,
  };
}

export const fieldValuesOf = (customer: Customer): CustomerFieldValues => ({
  firstName: customer.firstName,
  lastName: customer.lastName,
  company: customer.company ?? '',
  email: customer.email ?? '',
  type: customer.type,
});

/**
 * Only the fields the operator changed: the hub resolves edits field by field, so
 * sending an unchanged field would overwrite a colleague's newer edit of it.
 */
export function changedFields(customer: Customer, values: CustomerFieldValues): CustomerEdit {
  const edited = toCustomerFields(values);
  return Object.fromEntries(Object.entries(edited).filter(([key, value]) => customer[key as keyof typeof edited] !== value));
}
