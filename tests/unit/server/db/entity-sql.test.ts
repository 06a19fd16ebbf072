import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  columnArrays,
  columnList,
  differsFromExcluded,
  jsonObject,
  placeholders,
  setFromExcluded,
  unnestRows,
  valuesOf,
} from '../../../../server/db/entity-sql.js';
import { CustomerSchema } from '../../../../shared/domain.js';
import { columnsOf, CUSTOMER_COLUMNS, fieldsOf, INTERACTION_COLUMNS } from '../../../../shared/entity-columns.js';

const COLUMNS = Object.values(CUSTOMER_COLUMNS).map((spec) => spec.column);
const countOf = (text: string, part: string) => text.split(part).length - 1;

const customer = {
  id: 'c-1',
  customerNumber: 'C-1',
  firstName: 'Ivan',
  lastName: 'Petrov',
  company: null,
  email: 'ivan@example.com',
  type: 'person' as const,
  industry: null,
  source: 'desk',
  tags: ['vip'],
  country: 'BG',
  createdAt: '2026-03-02T10:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
};

describe('the hub SQL derived from a customer’s columns', () => {
  it('lists every column once, in the schema’s order', () => {
    expect(columnList(CUSTOMER_COLUMNS).split(', ')).toEqual(COLUMNS);
    expect(columnList(CUSTOMER_COLUMNS, 'c').split(', ')).toEqual(COLUMNS.map((column) => `c.${column}`));
  });

  it('numbers one placeholder per column from where it is told to start', () => {
    expect(placeholders(CUSTOMER_COLUMNS)).toBe(COLUMNS.map((_, n) => `$${n + 1}`).join(', '));
    expect(placeholders(CUSTOMER_COLUMNS, 3).split(', ')[0]).toBe('$3');
  });

  it('gives the values in the placeholders’ order, JSON as its text and an absent field as NULL', () => {
    const values = valuesOf(CUSTOMER_COLUMNS, customer);
    expect(values).toHaveLength(COLUMNS.length);
    expect(values[fieldsOf(CUSTOMER_COLUMNS).indexOf('tags')]).toBe('["vip"]');
    expect(values[fieldsOf(CUSTOMER_COLUMNS).indexOf('company')]).toBeNull();
    expect(valuesOf(INTERACTION_COLUMNS, { agentName: undefined } as never)[fieldsOf(INTERACTION_COLUMNS).indexOf('agentName')]).toBeNull();
  });

  it('reads a batch through unnest, one typed array per column', () => {
    const rows = unnestRows(CUSTOMER_COLUMNS, 'x');
    expect(rows).toContain('$10::jsonb[]');
    expect(rows).toContain('$12::timestamptz[]');
    expect(rows).toMatch(/^unnest\(\$1::text\[\], .*\) AS x\(id, customer_number, .*, updated_at\)$/);
    expect(columnArrays(CUSTOMER_COLUMNS, [customer, { ...customer, id: 'c-2' }])[0]).toEqual(['c-1', 'c-2']);
  });

  it('has an upsert write every column but the key from EXCLUDED, and compare the same ones', () => {
    const set = setFromExcluded(CUSTOMER_COLUMNS, 'id').split(', ');
    expect(set).toEqual(COLUMNS.filter((column) => column !== 'id').map((column) => `${column} = EXCLUDED.${column}`));
    const differs = differsFromExcluded('customers', CUSTOMER_COLUMNS, 'id');
    for (const column of COLUMNS.slice(1)) {
      expect(countOf(differs, `customers.${column},`) + countOf(differs, `customers.${column})`)).toBe(1);
      expect(countOf(differs, `EXCLUDED.${column},`) + countOf(differs, `EXCLUDED.${column})`)).toBe(1);
    }
    expect(differs).not.toContain('.id');
  });

  it('names every field in the pull’s JSON object, each time in toISOString()’s form', () => {
    const json = jsonObject(CUSTOMER_COLUMNS, { alias: 'c' });
    for (const [field, { column, kind }] of Object.entries(CUSTOMER_COLUMNS)) {
      const value = kind === 'time' ? `to_char(c.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : `c.${column}`;
      expect(countOf(json, `'${field}', ${value}`)).toBe(1);
    }
    expect(json).toMatch(/^json_build_object\('id', c\.id, 'customerNumber', c\.customer_number, /);
  });

  it('takes the expression of a field the table has no column for', () => {
    const json = jsonObject(INTERACTION_COLUMNS, { computed: { agentName: '(SELECT name)' } });
    expect(json).toContain("'agentName', (SELECT name), 'at', to_char(at");
  });

  it('puts a field added to the schema into every fragment', () => {
    const grown = columnsOf(CustomerSchema.extend({ loyaltyTier: z.string().nullable() }));
    expect(columnList(grown)).toMatch(/, loyalty_tier$/);
    expect(placeholders(grown).split(', ')).toHaveLength(COLUMNS.length + 1);
    expect(valuesOf(grown, { ...customer, loyaltyTier: 'gold' }).at(-1)).toBe('gold');
    expect(unnestRows(grown, 'x')).toContain(`$${COLUMNS.length + 1}::text[]`);
    expect(setFromExcluded(grown, 'id')).toMatch(/, loyalty_tier = EXCLUDED\.loyalty_tier$/);
    expect(differsFromExcluded('customers', grown, 'id')).toContain('customers.loyalty_tier) IS DISTINCT FROM');
    expect(jsonObject(grown)).toContain("'loyaltyTier', loyalty_tier)");
  });
});
