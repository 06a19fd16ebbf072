/**
 * Writing a customer's rows: the customer, its search entries and its phones. Shared by
 * the store's own writes (demo data, a customer created on the desk) and by sync, so a
 * customer lands the same way whichever side it came from.
 */
import type { Database } from 'better-sqlite3';
import type { Customer, Phone } from '../../../shared/domain.js';
import { nationalNumberOf } from '../../../shared/phone/normalise.js';
import { phoneDigitsOf, searchTextOf } from './search-text.js';
import { CUSTOMERS, PHONES } from './tables.js';

export interface CustomerWrites {
  /** Answers the new row's rowid, which is also its search entry's. */
  insert(customer: Customer, phones: readonly Phone[]): number;
  /** Rewrites an existing customer's fields (but when it was created) and its search entry; its phones and history stay. */
  update(rowid: number, customer: Customer): void;
  /** The customer's phones become exactly these, in the phones table and in its search entry. */
  replacePhones(rowid: number, customerId: string, phones: readonly Phone[]): void;
}

export function createCustomerWrites(db: Database): CustomerWrites {
  const sql = {
    insert: db.prepare(CUSTOMERS.insert),
    // Never INSERT OR REPLACE a customer: the replace is a delete, and the delete would cascade to its history.
    update: db.prepare(CUSTOMERS.upsert({ key: 'id', keep: ['createdAt'] })),
    index: db.prepare('INSERT INTO customers_search (rowid, text) VALUES (?, ?)'),
    unindex: db.prepare('DELETE FROM customers_search WHERE rowid = ?'),
    addPhone: db.prepare(PHONES.insertOrIgnore),
    dropPhones: db.prepare('DELETE FROM phones WHERE customer_id = ?'),
    indexPhones: db.prepare('INSERT INTO phones_search (rowid, digits) VALUES (?, ?)'),
    unindexPhones: db.prepare('DELETE FROM phones_search WHERE rowid = ?'),
  };

  function addPhones(rowid: number, customerId: string, phones: readonly Phone[]): void {
    for (const phone of phones) sql.addPhone.run(PHONES.params({ ...phone, customerId, nationalNumber: nationalNumberOf(phone.e164) }));
    if (phones.length > 0) sql.indexPhones.run(rowid, phoneDigitsOf(phones));
  }

  return {
    insert(customer, phones) {
      const rowid = Number(sql.insert.run(CUSTOMERS.params(customer)).lastInsertRowid);
      sql.index.run(rowid, searchTextOf(customer));
      addPhones(rowid, customer.id, phones);
      return rowid;
    },
    update(rowid, customer) {
      sql.update.run(CUSTOMERS.params(customer));
      sql.unindex.run(rowid);
      sql.index.run(rowid, searchTextOf(customer));
    },
    replacePhones(rowid, customerId, phones) {
      sql.dropPhones.run(customerId);
      sql.unindexPhones.run(rowid);
      addPhones(rowid, customerId, phones);
    },
  };
}
