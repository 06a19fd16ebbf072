import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import type { Customer, Phone } from '../../../../../shared/domain.js';
import { deskCustomers, testCustomer } from '../../../../fixtures/desk-customers.js';

let dir: string;
let store: DeskStore;

const customer = (id: string, firstName: string, lastName: string, phones: Phone[] = [], extra: Partial<Customer> = {}) => ({
  customer: testCustomer(id, firstName, lastName, extra),
  phones,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-search-'));
  store = openDeskStore(join(dir, 'desk.sqlite'));
  store.insertBatch(deskCustomers);
  store.insertBatch({
    customers: [
      customer('4001', 'Георги', 'Стоянов', [{ e164: '+359888768431', label: 'mobile' }, { e164: '+35929001122', label: 'work' }], { country: 'BG' }),
      customer('4002', 'Тарас', 'Петренко', [{ e164: '+380671234567', label: 'mobile' }], { country: 'UA' }),
      customer('4003', 'Мария', 'Щерева', [], { country: 'BG' }),
      customer('4004', 'Никита', 'Хрущёв', [], { country: 'RU' }),
      customer('4005', 'Юлія', 'Григоренко', [], { country: 'UA' }),
      customer('4006', 'John', 'Smith', [{ e164: '+447700900123', label: 'mobile' }], { country: 'GB' }),
      customer('4007', 'Ангел', 'Гъров', [], { country: 'BG' }),
    ],
    purchases: [], tickets: [], interactions: [],
  });
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (query: string) => store.searchCustomers(query, 20).customers.map((c) => c.id).sort();

describe('search by phone', () => {
  it('finds a customer by any format of their whole number', () => {
    for (const query of ['+359888768431', '0888768431', '0888 768 431', '00359 888 768 431', '(0888) 76-84-31', '359888768431']) {
      expect(ids(query), query).toEqual(['4001']);
    }
  });

  it('finds a customer by any fragment of any of their numbers', () => {
    for (const query of ['888 768', '768431', '768 431', '8876', '029001122', '9001122', '07700 900123']) {
      expect(ids(query), query).toContain(query.includes('7700') ? '4006' : '4001');
    }
    expect(ids('768431')).toEqual(['4001']);
  });

  it('finds every customer behind a shared number', () => {
    expect(ids('02 123 4567')).toEqual(['1003', '1004']);
  });

  it('needs three digits before it searches numbers, and matches nothing that is not there', () => {
    expect(ids('88')).toEqual([]);
    expect(ids('123 999 000')).toEqual([]);
  });
});

describe('search across scripts', () => {
  it('finds Cyrillic names from Latin input, with the Bulgarian, Russian and Ukrainian tables', () => {
    expect(ids('ivanov')).toEqual(['1001']);
    expect(ids('petrenko')).toEqual(['4002']);
    expect(ids('georgi stoyanov')).toEqual(['4001']);
    expect(ids('shtereva')).toEqual(['4003']);
    expect(ids('garov')).toEqual(['4007']);
    expect(ids('khrushchev')).toEqual(['4004']);
    expect(ids('hryhorenko')).toEqual(['4005']);
    expect(ids('grigorenko')).toEqual(['4005']);
    expect(ids('yuliia')).toEqual(['4005']);
  });

  it('finds Latin names from Cyrillic input', () => {
    expect(ids('Смит')).toEqual(['4006']);
    expect(ids('Мария Димитрова')).toEqual(['1004']);
    expect(ids('Анна')).toEqual(['1002']);
    expect(ids('Петар')).toEqual(['1003']);
  });

  it('still finds a name in its own script, as it is typed', () => {
    expect(ids('петр')).toEqual(['4002']);
    expect(ids('Щер')).toEqual(['4003']);
  });
});

describe('search results', () => {
  beforeEach(() => {
    store.insertBatch({
      customers: Array.from({ length: 30 }, (_, i) => customer(`5${String(i).padStart(3, '0')}`, 'Олег', `Коваленко`, [], { country: 'UA' })),
      purchases: [], tickets: [], interactions: [],
    });
  });

  it('says how many customers matched besides the ones it returns', () => {
    const result = store.searchCustomers('kovalenko', 10);
    expect(result.customers).toHaveLength(10);
    expect(result).toMatchObject({ matched: 30, capped: false });
    expect(store.searchCustomers('kovalenko', 40).customers).toHaveLength(30);
  });

  it('says when there were more matches than it counts', () => {
    store.insertBatch({
      customers: Array.from({ length: 600 }, (_, i) => customer(`6${String(i).padStart(3, '0')}`, 'Олег', 'Бондар', [], { country: 'UA' })),
      purchases: [], tickets: [], interactions: [],
    });
    const result = store.searchCustomers('oleh', 12);
    expect(result.customers).toHaveLength(12);
    expect(result.capped).toBe(true);
    expect(result.matched).toBeGreaterThanOrEqual(500);
  });
});
