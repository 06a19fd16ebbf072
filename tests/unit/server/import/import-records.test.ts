import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatOf, type ImportFormat, type ImportItem, type ImportKind, readImportRecords } from '../../../../server/import/import-records.js';

async function read<K extends ImportKind>(kind: K, lines: string[], format: ImportFormat = 'csv'): Promise<ImportItem<K>[]> {
  const items: ImportItem<K>[] = [];
  for await (const item of readImportRecords(kind, Readable.from(lines.map((l) => `${l}\n`)), { format, region: 'BG' })) items.push(item);
  return items;
}

const CUSTOMERS = 'external_id,customer_number,first_name,last_name,company,email,type,country,phones,ignored_column';
const PURCHASES = 'external_id,customer_external_id,order_number,product,quantity,amount,currency,purchased_at';

describe('customers', () => {
  it('reads a good row, normalising national and international numbers in the feed’s region', async () => {
    const items = await read('customers', [CUSTOMERS, ' 1001 ,C-1001,Иван,Иванов,,ivan@example.bg,,bg,0888 123 456:mobile; +359 2 981 2345:Work,whatever']);
    expect(items).toEqual([
      {
        line: 2,
        record: {
          externalId: '1001', customerNumber: 'C-1001', firstName: 'Иван', lastName: 'Иванов', company: null, email: 'ivan@example.bg',
          type: 'person', country: 'BG', phones: [{ e164: '+359888123456', label: 'mobile' }, { e164: '+35929812345', label: 'work' }],
        },
      },
    ]);
  });

  it('reports a bad phone with its line and the reason, and keeps the good rows around it', async () => {
    const items = await read('customers', [CUSTOMERS, '1,C-1,Anna,A,,,,,0888 123 456', '2,C-2,Boris,B,,,,,12:mobile', '3,C-3,,,Acme EOOD,,business,,02 123 4567:work']);
    expect(items).toEqual([
      { line: 2, record: expect.objectContaining({ externalId: '1', phones: [{ e164: '+359888123456', label: 'other' }] }) },
      { line: 3, error: 'customers: line 3: phone "12" is not a valid number (too short: an internal extension, not a customer’s number)' },
      { line: 4, record: expect.objectContaining({ externalId: '3', company: 'Acme EOOD', type: 'business', phones: [{ e164: '+35921234567', label: 'work' }] }) },
    ]);
  });

  it('names a missing required field, and a customer with neither name nor company', async () => {
    const items = await read('customers', [CUSTOMERS, '1,,Anna,A,,,,,', '2,C-2,,,,,,,']);
    expect(items).toEqual([
      { line: 2, error: 'customers: line 2: customer_number: is required' },
      { line: 3, error: 'customers: line 3: a customer needs first_name, last_name or company' },
    ]);
  });
});

describe('purchases', () => {
  it('refuses a name a desk would refuse to pull: one with a control character, one over the bound', async () => {
    const items = await read('customers', [CUSTOMERS, '1,C-1,An\u0007na,A,,,,,', `2,C-2,${'A'.repeat(101)},B,,,,,`, '3,C-3,Boris,B,,,,,']);
    expect(items).toEqual([
      { line: 2, error: expect.stringMatching(/^customers: line 2: first_name: has a control character/) },
      { line: 3, error: "customers: line 3: first_name: must be at most 100 characters (this one has 101)" },
      { line: 4, record: expect.objectContaining({ externalId: '3' }) },
    ]);
  });

  it('turns amounts into minor units by decimal arithmetic, never float rounding', async () => {
    const items = await read('purchases', [PURCHASES, 'p1,c,SO-1,Router,,12.50,bgn,2026-01-02', 'p2,c,SO-2,Cable,2,3,EUR,2026-01-02T10:00:00+02:00', 'p3,c,SO-3,X,1,1.005,EUR,2026-01-02', 'p4,c,SO-4,X,1,0.29,EUR,2026-01-02']);
    expect(items).toEqual([
      { line: 2, record: { externalId: 'p1', customerExternalId: 'c', orderNumber: 'SO-1', product: 'Router', quantity: 1, amountMinor: 1250, currency: 'BGN', purchasedAt: '2026-01-02T00:00:00.000Z' } },
      { line: 3, record: { externalId: 'p2', customerExternalId: 'c', orderNumber: 'SO-2', product: 'Cable', quantity: 2, amountMinor: 300, currency: 'EUR', purchasedAt: '2026-01-02T08:00:00.000Z' } },
      { line: 4, error: 'purchases: line 4: amount: "1.005" is not an amount such as 129.00 (at most two decimals)' },
      { line: 5, record: expect.objectContaining({ amountMinor: 29 }) },
    ]);
  });

  it('rejects what is not a number, a date the calendar does not have, and a time with no zone', async () => {
    const items = await read('purchases', [PURCHASES, 'p1,c,SO,X,1,"12,5x",EUR,2026-02-31', 'p2,c,SO,X,0,1,EUR,2026-01-02T10:00:00']);
    expect(items).toEqual([
      {
        line: 2,
        error: 'purchases: line 2: amount: "12,5x" is not a number; purchased_at: is not a date such as 2026-03-02 or date-time such as 2026-03-02T10:00:00Z ("2026-02-31")',
      },
      { line: 3, error: 'purchases: line 3: quantity: must be 1 or more; purchased_at: "2026-01-02T10:00:00" has no time zone; add Z or an offset such as +02:00' },
    ]);
  });
});

describe('the rule a value breaks', () => {
  it('names the length bound a value is over, and the values a field allows', async () => {
    const subject = 'x'.repeat(501);
    const tickets = await read('tickets', [JSON.stringify({ external_id: 't1', customer_external_id: 'c', subject, status: 'Reopened', opened_at: '2026-01-01' })], 'jsonl');
    expect(tickets).toEqual([
      { line: 1, error: 'tickets: line 1: subject: must be at most 500 characters (this one has 501); status: must be one of open, pending, resolved, closed (not "reopened")' },
    ]);
    const purchases = await read('purchases', [PURCHASES, 'p1,c,SO-1,Router,1,12.50,EURO,2026-01-02']);
    expect(purchases).toEqual([{ line: 2, error: 'purchases: line 2: currency: is not a three-letter currency code such as EUR' }]);
  });

  it('still says a field is required, or must be text, when that is what is wrong', async () => {
    const items = await read('tickets', [JSON.stringify({ external_id: 't1', customer_external_id: ['c'], opened_at: '2026-01-01' })], 'jsonl');
    expect(items).toEqual([{ line: 1, error: 'tickets: line 1: customer_external_id: must be text; subject: is required' }]);
  });
});

describe('feed syntax', () => {
  it('refuses a ticket subject with a NUL, as the desks would', async () => {
    const items = await read('tickets', ['external_id,customer_external_id,subject,opened_at', 't1,1001,Router\u0000drops,2026-03-02']);
    expect(items).toEqual([{ line: 2, error: expect.stringMatching(/^tickets: line 2: subject: has a control character/) }]);
  });

  it('ends a CSV feed at an unclosed quote with an error item, after the rows before it', async () => {
    const items = await read('tickets', ['external_id,customer_external_id,subject,opened_at', 't1,c,Fine,2026-01-01', 't2,c,"never closed,2026-01-01', 't3,c,Lost,2026-01-01']);
    expect(items).toEqual([
      { line: 2, record: { externalId: 't1', customerExternalId: 'c', subject: 'Fine', status: 'open', priority: 'normal', openedAt: '2026-01-01T00:00:00.000Z', slaDueAt: null } },
      { line: 3, error: 'tickets: line 3: not valid CSV: a quoted field that starts here is never closed' },
    ]);
  });

  it('reads JSON Lines with phones as objects, skipping blank lines and naming lines that are not JSON objects', async () => {
    const items = await read('customers', [
      '{"external_id": 7, "customer_number": "J-7", "company": "Acme", "phones": [{"number": "+48 600 123 456", "label": "work"}, {"number": "0888123456"}, {"number": "+359 888 123 456", "label": "mobile"}]}',
      '',
      '{"external_id": "j2", "customer_number": ',
      '["not", "an", "object"]',
      '{"external_id": "j4", "customer_number": "J-4", "first_name": "Ema", "phones": "+359 888 1"}',
    ], 'jsonl');
    expect(items).toEqual([
      {
        line: 1,
        record: {
          externalId: '7', customerNumber: 'J-7', firstName: '', lastName: '', company: 'Acme', email: null, type: 'person', country: null,
          phones: [{ e164: '+48600123456', label: 'work' }, { e164: '+359888123456', label: 'other' }],
        },
      },
      { line: 3, error: expect.stringMatching(/^customers: line 3: not valid JSON \(/) },
      { line: 4, error: 'customers: line 4: not a JSON object' },
      { line: 5, error: 'customers: line 5: phone "+359 888 1" is not a valid number (not in its country’s numbering plan)' },
    ]);
  });
});

describe('formatOf', () => {
  it('knows a feed by its extension and names the supported ones otherwise', () => {
    expect(['crm.CSV', 'a.jsonl', 'b.ndjson'].map(formatOf)).toEqual(['csv', 'jsonl', 'jsonl']);
    expect(() => formatOf('export.xlsx')).toThrow('export.xlsx: a feed is CSV (.csv) or JSON Lines, one object per line (.jsonl, .ndjson)');
    expect(() => formatOf('export.json')).toThrow(/JSON Lines/);
  });
});
