import { describe, expect, it } from 'vitest';
import type { Phone } from '../../../shared/domain.js';
import { columnMap, CUSTOMER_COLUMNS, fieldsOf, INTERACTION_COLUMNS, withoutFields } from '../../../shared/entity-columns.js';

describe('entity columns', () => {
  it('names each column by its field in snake_case', () => {
    expect(CUSTOMER_COLUMNS.customerNumber).toEqual({ column: 'customer_number', kind: 'text' });
    expect(INTERACTION_COLUMNS.followUpOn).toEqual({ column: 'follow_up_on', kind: 'date' });
  });

  it('keeps the declared order of the fields, which every derived column list uses', () => {
    expect(fieldsOf(CUSTOMER_COLUMNS).slice(0, 3)).toEqual(['id', 'customerNumber', 'firstName']);
  });

  it('leaves out the fields a side keeps elsewhere', () => {
    expect(fieldsOf(withoutFields(INTERACTION_COLUMNS, 'agentName'))).not.toContain('agentName');
  });

  it('refuses, at the typecheck, a map that misses a field or names one the entity has not', () => {
    // @ts-expect-error: `label` is missing
    columnMap<Phone>({ e164: 'text' });
    // @ts-expect-error: Phone has no `extension`
    columnMap<Phone>({ e164: 'text', label: 'text', extension: 'text' });
    expect(fieldsOf(columnMap<Phone>({ e164: 'text', label: 'text' }))).toEqual(['e164', 'label']);
  });
});
