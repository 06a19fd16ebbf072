/**
 * Writing a customer's rows: the customer, its search entries and its phones. Shared by
 * the store's own writes (demo data, a customer created on the desk) and by sync, so a
 * customer lands the same way whichever side it came from.
 */
import type { Database } from 'better-sqlite3';
import type { Customer, Phone } from '../../../shared/domain.js';
import { nationalNumberOf } from '../../../shared/phone/normalise.js';
import { phoneDigitsOf, searchTextOf } from './search-text.js';

export function createCustomerWrites(db: Database) {
  const sql = {
    insert: db.prepare(`
      INSERT INTO customers (id, customer_number, first_name, last_name, company, email, type, industry, source, tags, country, created_at, updated_at)
      VALUES (@id, @customerNumber, @firstName, @lastName, @company, @email, @type, @industry, @source, @tags, @country, @createdAt, @updatedAt)`),
    // Never INSERT OR REPLACE a customer: the replace is a delete, and the delete would cascade to its history.
    update: db.prepare(`
      UPDATE customers SET customer_number = @customerNumber, first_name = @firstName, last_name = @lastName, company = @company,
        email = @email, type = @type, industry = @industry, source = @source, tags = @tags, country = @country, updated_at = @updatedAt
      WHERE id = @id`),
    index: db.prepare('INSERT INTO customers_search (rowid, text) VALUES (?, ?)'),
    unindex: db.prepare('DELETE FROM customers_search WHERE rowid = ?'),
    addPhone: db.prepare('INSERT OR IGNORE INTO phones (customer_id, e164, national_number, label) VALUES (?, ?, ?, ?)'),
    dropPhones: db.prepare('DELETE FROM phones WHERE customer_id = ?'),
    indexPhones: db.prepare('INSERT INTO phones_search (rowid, digits) VALUES (?, ?)'),
    unindexPhones: db.prepare('DELETE FROM phones_search WHERE rowid = ?'),
  };

  function addPhones(rowid: number, customerId: string, phones: readonly Phone[]): void {
    for (const phone of phones) sql.addPhone.run(customerId, phone.e164, nationalNumberOf(phone.e164), phone.label);
    if (phones.length > 0) sql.indexPhones.run(rowid, phoneDigitsOf(phones));
  }

  const writes = {
    /** The row values of a customer: tags are stored as JSON text. */
    row: (customer: Customer) => ({ ...customer, tags: JSON.stringify(customer.tags) }),
    /** Answers the new row's rowid, which is also its search entry's. */
    insert(customer: Customer, phones: readonly Phone[]): number {
      const rowid = Number(sql.insert.run(writes.row(customer)).lastInsertRowid);
      writes.index(rowid, customer);
      addPhones(rowid, customer.id, phones);
      return rowid;
    },
    /** Rewrites an existing customer's fields and its search entry; its phones and history stay. */
    update(rowid: number, customer: Customer): void {
      sql.update.run(writes.row(customer));
      sql.unindex.run(rowid);
      writes.index(rowid, customer);
    },
    index(rowid: number, customer: Customer): void {
      sql.index.run(rowid, searchTextOf({
        first_name: customer.firstName,
        last_name: customer.lastName,
        company: customer.company,
        email: customer.email,
        customer_number: customer.customerNumber,
      }));
    },
    /** The customer's phones become exactly these, in the phones table and in its search entry. */
    replacePhones(rowid: number, customerId: string, phones: readonly Phone[]): void {
      sql.dropPhones.run(customerId);
      sql.unindexPhones.run(rowid);
      addPhones(rowid, customerId, phones);
    },
  };
  return writes;
}
export type CustomerWrites = ReturnType<typeof createCustomerWrites>;
