/**
 * What the full-text index holds for a customer, and how a typed query becomes an
 * FTS5 expression. unicode61 strips combining accents but leaves letters that are
 * not decomposable (Polish ł, Danish ø, German ß…), so those are folded here, the
 * same way for the indexed text and for the query.
 */
import type { SearchRow } from './migrations.js';

const UNDECOMPOSABLE: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i' };
const UNDECOMPOSABLE_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'g');

export function foldLetters(text: string): string {
  return text.replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE[letter]!);
}

export function searchTextOf(row: SearchRow): string {
  // The email goes in whole and split at its punctuation, so "kowalska@" and "kowalska" both find it.
  const email = row.email ? `${row.email} ${row.email.replace(/[@._-]+/g, ' ')}` : '';
  return foldLetters([row.first_name, row.last_name, row.company ?? '', email, row.customer_number].join(' '));
}

/**
 * Every word the operator typed must prefix-match some word of the customer. Words are
 * quoted, so FTS5 syntax in the input ("-", "*", ":", quotes, parentheses, NEAR) is
 * taken as text and never as an operator or a syntax error. A control character breaks
 * words too: FTS5 reads a NUL as the end of the query, leaving an unterminated string.
 */
export function toMatchExpression(query: string): string | null {
  const words = foldLetters(query)
    .split(/[\s\p{Cc}@._,;:()"'*^+-]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ');
}
