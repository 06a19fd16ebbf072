/**
 * The one place a remote party becomes a phone number. Whatever a bridge reports
 * (national digits, "+", "00", a SIP or tel: URI, "anonymous") comes out as E.164
 * or as a kind that says why it is not one, always with the raw input kept.
 *
 * libphonenumber-js (full metadata) does the numbering-plan work: trunk prefixes,
 * each region's international prefix, extensions, RFC 3966 tel: URIs. What is
 * written here is what it does not do: SIP URIs and name-addr forms, the words
 * PBXes send for a withheld caller, and short internal extensions.
 */
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  ParseError,
  parsePhoneNumberWithError,
} from 'libphonenumber-js/max';
import type { E164, NormalisedPhone, Region } from '../domain.js';

export interface NormaliseOptions {
  /** Digit strings this short are the PBX's own extensions, not public numbers. */
  maxInternalDigits?: number;
}

const DEFAULT_MAX_INTERNAL_DIGITS = 5;

/** What PBXes and carriers put in place of a number the caller withheld (RFC 3323 and common practice). */
const WITHHELD_WORDS = new Set([
  'anonymous',
  'unknown',
  'restricted',
  'private',
  'unavailable',
  'withheld',
  'blocked',
  'no caller id',
  'anonymous.invalid',
]);

/** Why a number is not usable; the renderer translates these codes. */
export type InvalidReason = 'not-a-number' | 'too-short' | 'too-long' | 'unknown-country-code' | 'not-a-valid-number';

const PARSE_ERROR_REASONS: Record<string, InvalidReason> = {
  NOT_A_NUMBER: 'not-a-number',
  TOO_SHORT: 'too-short',
  TOO_LONG: 'too-long',
  INVALID_LENGTH: 'not-a-valid-number',
  INVALID_COUNTRY: 'unknown-country-code',
};

/**
 * What a phone number may be written with: digits, the separators people and PBXes put
 * between them, one leading "+", and an extension at the end. libphonenumber finds a
 * number inside any text ("ticket 20080272" is a Sofia number to it), so text with
 * anything else in it is refused before it is parsed: a remote that is not a number
 * must never pop a customer.
 */
const NUMBER_TEXT = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*(?:(?:;ext=|\s*(?:ext\.?|x|#))\s*\d+)?$/i;
/** Extensions and feature codes ("101", "*72") as a PBX dials them. */
const INTERNAL_TEXT = /^[\d\s().*#-]+$/;

/** "00" then a country code's first digit, with the separators people and PBXes put in between. */
const FORWARDED_00 = /^[\s(]*0[\s-]*0[\s-]*[1-9]/;
const FORWARDED_00_PREFIX = /^[\s(]*0[\s-]*0/;

interface DialString {
  /** The number part, still with its visual separators. */
  number: string;
  extension?: string;
  /** A tel: URI's phone-context that is a domain: the number is local to that PBX. */
  localToDomain?: boolean;
}

export function normalisePhone(raw: string, region: Region, options: NormaliseOptions = {}): NormalisedPhone {
  const maxInternal = options.maxInternalDigits ?? DEFAULT_MAX_INTERNAL_DIGITS;
  const dial = toDialString(raw.trim());
  if (dial === 'withheld') return { kind: 'withheld', raw };

  const number = dial.number.trim();
  const digits = number.replace(/\D/g, '');
  const forwarded00 = FORWARDED_00.test(number);
  const international = forwarded00 || number.startsWith('+');
  if (!international && digits.length > 0 && digits.length <= maxInternal && INTERNAL_TEXT.test(number)) {
    return { kind: 'internal', raw, extension: number.replace(/[\s().-]/g, '') };
  }
  if (!NUMBER_TEXT.test(number)) return { kind: 'invalid', raw, reason: 'not-a-number' };
  if (dial.localToDomain && digits.length <= maxInternal) return { kind: 'internal', raw, extension: digits };

  const text = dial.extension ? `${number};ext=${dial.extension}` : number;
  const asDialled = parse(raw, text, region, digits);
  // libphonenumber strips only the desk region's own international prefix (011 in the US,
  // 0011 in Australia, 00 with a carrier code in Brazil). A PBX that forwards a caller's
  // "00" unchanged still means "+": no numbering plan has national numbers starting 00.
  if (asDialled.kind === 'e164' || !forwarded00) return asDialled;
  return parse(raw, text.replace(FORWARDED_00_PREFIX, '+'), region, digits);
}

/** National format within the desk's own calling code (a US desk dials Canada nationally), international otherwise. */
export function formatPhone(e164: E164, region: Region): string {
  try {
    const parsed = parsePhoneNumberWithError(e164);
    const local = isSupportedCountry(region) && parsed.countryCallingCode === getCountryCallingCode(region);
    return local ? parsed.formatNational() : parsed.formatInternational();
  } catch {
    return e164;
  }
}

function parse(raw: string, text: string, region: Region, digits: string): NormalisedPhone {
  try {
    const parsed = parsePhoneNumberWithError(text, region as CountryCode);
    if (!parsed.isValid()) {
      return { kind: 'invalid', raw, reason: 'not-a-valid-number', ...digitsWorthALookup(parsed.nationalNumber) };
    }
    return {
      kind: 'e164',
      raw,
      e164: parsed.number,
      nationalNumber: parsed.nationalNumber,
      ...(parsed.country ? { country: parsed.country } : {}),
      ...(parsed.ext ? { extension: parsed.ext } : {}),
    };
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    return { kind: 'invalid', raw, reason: PARSE_ERROR_REASONS[err.message] ?? 'not-a-number', ...digitsWorthALookup(digits) };
  }
}

function digitsWorthALookup(digits: string): { digits?: string } {
  const significant = digits.replace(/^0+/, '');
  return significant.length > 0 ? { digits: significant } : {};
}

/** Peels display names, angle brackets and URI schemes off until only a dial string (or "withheld") is left. */
function toDialString(text: string): DialString | 'withheld' {
  if (isWithheldWord(text)) return 'withheld';
  const inBrackets = /<([^>]*)>/.exec(text);
  const uri = (inBrackets ? inBrackets[1]! : text).trim();
  const scheme = /^(sips?|tel):/i.exec(uri)?.[1]?.toLowerCase();
  if (scheme === 'tel') return fromTelUri(uri.slice(4));
  if (scheme) return fromSipUri(uri.slice(scheme.length + 1));
  if (inBrackets) return isWithheldWord(uri) ? 'withheld' : { number: uri };
  return { number: text };
}

function fromSipUri(rest: string): DialString | 'withheld' {
  const withoutHeaders = rest.split('?')[0]!;
  const at = withoutHeaders.lastIndexOf('@');
  const host = (at >= 0 ? withoutHeaders.slice(at + 1) : withoutHeaders).split(/[;:]/)[0]!.toLowerCase();
  if (at < 0 || host === 'anonymous.invalid') return at < 0 ? { number: '' } : 'withheld';
  const [user = '', ...params] = safeDecode(withoutHeaders.slice(0, at)).split(';');
  if (isWithheldWord(user)) return 'withheld';
  const extension = params.find((p) => /^ext=/i.test(p))?.slice(4);
  const context = params.find((p) => /^phone-context=/i.test(p))?.slice(14);
  return withContext({ number: user, ...(extension ? { extension } : {}) }, context);
}

function fromTelUri(rest: string): DialString | 'withheld' {
  const [number = '', ...params] = safeDecode(rest).split(';');
  if (isWithheldWord(number)) return 'withheld';
  const extension = params.find((p) => /^ext=/i.test(p))?.slice(4);
  const context = params.find((p) => /^phone-context=/i.test(p))?.slice(14);
  return withContext({ number, ...(extension ? { extension } : {}) }, context);
}

/**
 * RFC 3966 §5.1.5: a global context ("+359", "+1-212") is the digits dialled before a
 * local number; a domain context makes it PBX-local. The local number may still carry
 * its trunk prefix ("0888…"); libphonenumber drops it after the country code where the
 * plan has one and keeps it where it is part of the number (Italy's "02…").
 */
function withContext(dial: DialString, context: string | undefined): DialString {
  if (!context || dial.number.trim().startsWith('+')) return dial;
  if (context.startsWith('+')) return { ...dial, number: `${context}${dial.number}` };
  return { ...dial, localToDomain: true };
}

function isWithheldWord(text: string): boolean {
  const word = text.trim().replace(/^"|"$/g, '').trim().toLowerCase();
  return word === '' || WITHHELD_WORDS.has(word);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The national significant number of an E.164 number, for the store's probable-match
 * index. Country calling codes are prefix-free (ITU-T E.164), so the one that starts
 * the number is found without a full parse: the store indexes millions of numbers.
 */
export function nationalNumberOf(e164: E164): string {
  const digits = e164.slice(1);
  for (const length of [1, 2, 3]) {
    if (callingCodes().has(digits.slice(0, length))) return digits.slice(length);
  }
  return digits;
}

/** ITU-T codes of no country (freephone, satellite, international networks): getCountries() does not list them. */
const NON_GEOGRAPHIC_CALLING_CODES = ['800', '808', '870', '878', '881', '882', '883', '888', '979'];

let knownCallingCodes: Set<string> | undefined;
function callingCodes(): Set<string> {
  knownCallingCodes ??= new Set([...getCountries().map((country) => getCountryCallingCode(country)), ...NON_GEOGRAPHIC_CALLING_CODES]);
  return knownCallingCodes;
}
