import { describe, expect, it } from 'vitest';
import { changedFields, fieldValuesOf } from '../../../../../../renderer/src/features/customer/customer-fields.js';
import { ivan } from '../../../../../fixtures/desk-customers.js';

describe('the customer edit form', () => {
  it('sends only the fields the operator changed, so a colleague’s edit of another field stands', () => {
    const values = fieldValuesOf(ivan.customer);
    expect(changedFields(ivan.customer, values)).toEqual({});
    expect(changedFields(ivan.customer, { ...values, lastName: ' Петров ', type: 'business' })).toEqual({ lastName: 'Петров', type: 'business' });
  });

  it('clears a company or email emptied in the form, and leaves an untouched empty one alone', () => {
    const withCompany = { ...ivan.customer, company: 'Иванов ЕООД', email: null };
    const values = fieldValuesOf(withCompany);
    expect(values).toMatchObject({ company: 'Иванов ЕООД', email: '' });
    expect(changedFields(withCompany, { ...values, company: '  ' })).toEqual({ company: null });
  });
});
