/**
 * What the full-text indexes hold for a customer, and how a typed query becomes FTS5
 * expressions. unicode61 strips combining accents but leaves letters that are not
 * decomposable (Polish ł, Danish ø, German ß…), so those are folded here, the same way
 * for the indexed text and for the query. Cyrillic names are indexed with their Latin
 * spellings too, and a Cyrillic query looks for its Latin spellings as well, so each
 * script finds the other.
 */
import type { Customer, Phone } from '../../../shared/domain.js';
import { latinSpellings } from './transliterate.js';

const UNDECOMPOSABLE: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i' };
const UNDECOMPOSABLE_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'g');

/** Fewer digits than this match too many numbers to be worth a search (and a trigram index cannot look them up). */
const MIN_PHONE_DIGITS = 3;

export function foldLetters(text: string): string {
  return text.replace(UNDECOMPOSABLE_PATTERN, (letter) => UNDECOMPOSABLE[letter]!);
}

/** The fields a customer is found by. */
export type SearchedFields = Pick<Customer, 'firstName' | 'lastName' | 'company' | 'email' | 'customerNumber'>;

export function searchTextOf({ firstName, lastName, company, email, customerNumber }: SearchedFields): string {
  // The email goes in whole and split at its punctuation, so "kowalska@" and "kowalska" both find it.
  const emailWords = email ? `${email} ${email.replace(/[@._-]+/g, ' ')}` : '';
  const names = [firstName, lastName, company ?? ''].join(' ');
  return foldLetters([names, ...latinSpellings(names), emailWords, customerNumber].join(' '));
}

/** The digits of each number without its "+", one number a word: the trigram index finds any run of digits in them. */
export function phoneDigitsOf(phones: readonly Pick<Phone, 'e164'>[]): string {
  return phones.map((phone) => phone.e164.slice(1)).join(' ');
}

/**
 * Every word the operator typed must prefix-match some word of the customer, in its
 * own script or one of its Latin spellings. Words are quoted, so FTS5 syntax in the
 * input ("-", "*", ":", quotes, parentheses, NEAR) is taken as text and never as an
 * operator or a syntax error.
 * A control character breaks words too: FTS5 reads a NUL as the end of the query,
 * leaving an unterminated string.
 */
export function toMatchExpression(query: string): string | null {
  const words = foldLetters(query)
    .split(/[\s\p{Cc}@._,;:()"'*^+-]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const spellings = [...new Set([word.toLowerCase(), ...latinSpellings(word)])].map((spelling) => `"${spelling}"*`);
      return spellings.length === 1 ? spellings[0]! : `(${spellings.join(' OR ')})`;
    })
    .join(' AND ');
}

/**
 * The digits to look for when the query reads as (part of) a phone number, in any
 * format: "+359 888 768 431", "0888768431", "(0888) 76-84-31", "768 431". Leading
 * zeros go, being the trunk prefix (0888…) or the international one (00359…), which
 * no stored E.164 number has. Null for a query with letters or too few digits.
 */
export function toPhoneFragment(query: string): string | null {
  if (!/^[\d\s+()./-]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= MIN_PHONE_DIGITS ? `"${digits}"` : null;
}
