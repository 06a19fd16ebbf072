import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { columnsOf, CUSTOMER_COLUMNS, fieldsOf, INTERACTION_COLUMNS, PURCHASE_COLUMNS, withoutFields } from '../../../shared/entity-columns.js';

describe('entity columns', () => {
  it('names each column by its field in snake_case', () => {
    expect(CUSTOMER_COLUMNS.customerNumber.column).toBe('customer_number');
    expect(INTERACTION_COLUMNS.followUpOn.column).toBe('follow_up_on');
  });

  it('keeps each field the way its schema says: times, dates, whole numbers and lists', () => {
    expect(CUSTOMER_COLUMNS.createdAt.kind).toBe('time');
    expect(INTERACTION_COLUMNS.followUpOn.kind).toBe('date');
    expect(PURCHASE_COLUMNS.amountMinor.kind).toBe('integer');
    expect(CUSTOMER_COLUMNS.tags.kind).toBe('json');
    expect(CUSTOMER_COLUMNS.company.kind).toBe('text');
    expect(INTERACTION_COLUMNS.agentName.kind).toBe('text');
  });

  it('keeps the order of the schema, which every derived column list uses', () => {
    expect(fieldsOf(CUSTOMER_COLUMNS).slice(0, 3)).toEqual(['id', 'customerNumber', 'firstName']);
  });

  it('leaves out the fields a side keeps elsewhere', () => {
    expect(fieldsOf(withoutFields(INTERACTION_COLUMNS, 'agentName'))).not.toContain('agentName');
  });

  it('refuses a field of a kind no column holds, naming it', () => {
    expect(() => columnsOf(z.object({ ratio: z.number() }))).toThrow(/ratio/);
  });
});
