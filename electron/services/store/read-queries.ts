/**
 * The SQL of the reads a pop and a search wait on, apart from the code that runs them so the
 * query-plan tests (tests/unit/electron/services/store/query-plans.test.ts) explain exactly
 * these: each must be answered from the index it was written for, never by a scan.
 */
import { CALL_LOG, CUSTOMERS, INTERACTIONS, PHONES, PURCHASES, TICKETS } from './tables.js';

/**
 * bm25 needs every match scored, which for a one-letter prefix is most of a million
 * customers (~50-150 ms). Type-ahead needs a good first screen, not the global best,
 * so only this many matches are ranked and counted: a query that matches fewer is
 * ranked and counted exactly, and a broad one says "more than" and narrows with the
 * next keystroke.
 */
export const SEARCH_WINDOW = 500;

export const READ_QUERIES = {
  /** Owners of a number, by the phones_by_e164 index. */
  phonesByE164: 'SELECT customer_id AS customerId, e164 AS matchedPhone FROM phones WHERE e164 = ? LIMIT ?',
  /** Owners of a national significant number, by the phones_by_national_number index. */
  phonesByNational: 'SELECT customer_id AS customerId, e164 AS matchedPhone FROM phones WHERE national_number = ? LIMIT ?',
  customer: `SELECT ${CUSTOMERS.select()} FROM customers WHERE id = ?`,
  customerRowid: 'SELECT rowid FROM customers WHERE id = ?',
  phonesOf: `SELECT ${PHONES.select()} FROM phones WHERE customer_id = ?`,
  purchasesOf: `SELECT ${PURCHASES.select()} FROM purchases WHERE customer_id = ? ORDER BY purchased_at DESC LIMIT ?`,
  ticketsOf: `
    SELECT ${TICKETS.select()} FROM tickets WHERE customer_id = ?
    ORDER BY CASE WHEN status IN ('open', 'pending') THEN 0 ELSE 1 END,
             CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
             opened_at DESC
    LIMIT ?`,
  interactionsOf: `SELECT ${INTERACTIONS.select()} FROM interactions WHERE customer_id = ? ORDER BY at DESC, rowid DESC LIMIT ?`,
  interaction: `SELECT ${INTERACTIONS.select()} FROM interactions WHERE id = ?`,
  // One more than the window, to tell "exactly 500" from "more than 500".
  textHits: `
    SELECT rowid FROM (SELECT rowid, rank FROM customers_search WHERE customers_search MATCH ? LIMIT ${SEARCH_WINDOW + 1})
    ORDER BY rank`,
  phoneHits: `SELECT rowid FROM phones_search WHERE phones_search MATCH ? LIMIT ${SEARCH_WINDOW + 1}`,
  summary: `
    SELECT ${CUSTOMERS.select('c')}, (SELECT group_concat(e164, ' ') FROM phones p WHERE p.customer_id = c.id) AS phoneList
    FROM customers c WHERE c.rowid = ?`,
  lastRowid: 'SELECT max(rowid) FROM customers',
  rowidFrom: 'SELECT rowid FROM customers WHERE rowid >= ? ORDER BY rowid LIMIT 1',
  callLog: `SELECT ${CALL_LOG.select()} FROM call_log ORDER BY ended_at DESC, rowid DESC LIMIT ?`,
} as const;
