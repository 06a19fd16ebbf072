import { describe, expect, it } from 'vitest';
import type { Region } from '../../../../shared/domain.js';
import { formatPhone, nationalNumberOf, normalisePhone } from '../../../../shared/phone/normalise.js';

/** [raw as a bridge reports it, the desk's region, the E.164 it must become] */
const numbers: [string, Region, string][] = [
  // Bulgaria: national with and without trunk prefix, international prefixes
  ['0888 123 456', 'BG', '+359888123456'],
  ['888123456', 'BG', '+359888123456'],
  ['0888/123-456', 'BG', '+359888123456'],
  ['+359 888 123 456', 'BG', '+359888123456'],
  ['00359888123456', 'BG', '+359888123456'],
  ['00 359 2 123 4567', 'BG', '+35921234567'],
  ['02 123 4567', 'BG', '+35921234567'],
  ['+359888123456', 'US', '+359888123456'],
  ['011 359 888 123 456', 'US', '+359888123456'],
  ['00359888123456', 'US', '+359888123456'],
  ['00 359 888 123 456', 'US', '+359888123456'],
  // Poland
  ['600 123 456', 'PL', '+48600123456'],
  ['+48 600-123-456', 'BG', '+48600123456'],
  ['0048600123456', 'BG', '+48600123456'],
  ['22 123 45 67', 'PL', '+48221234567'],
  // Ukraine
  ['050 123 4567', 'UA', '+380501234567'],
  ['+380 50 123 4567', 'PL', '+380501234567'],
  ['00380501234567', 'DE', '+380501234567'],
  ['044 123 4567', 'UA', '+380441234567'],
  // Russia: trunk prefix 8
  ['8 (495) 123-45-67', 'RU', '+74951234567'],
  ['+7 495 123 45 67', 'RU', '+74951234567'],
  ['8 912 345 67 89', 'RU', '+79123456789'],
  ['007 495 1234567', 'BG', '+74951234567'],
  // Germany
  ['030 1234567', 'DE', '+49301234567'],
  ['+49 30 1234567', 'BG', '+49301234567'],
  ['0049 30 1234567', 'PL', '+49301234567'],
  ['0151 23456789', 'DE', '+4915123456789'],
  // United Kingdom
  ['020 7946 0018', 'GB', '+442079460018'],
  ['+44 20 7946 0018', 'BG', '+442079460018'],
  ['07400 123456', 'GB', '+447400123456'],
  ['011 44 20 7946 0018', 'US', '+442079460018'],
  // United States
  ['(212) 555-0142', 'US', '+12125550142'],
  ['212.555.0142', 'US', '+12125550142'],
  ['1 212 555 0142', 'US', '+12125550142'],
  ['+1 (212) 555-0142', 'BG', '+12125550142'],
  ['001 212 555 0142', 'BG', '+12125550142'],
  // France, Italy, Spain, Romania, Turkey
  ['01 23 45 67 89', 'FR', '+33123456789'],
  ['+33 6 12 34 56 78', 'BG', '+33612345678'],
  ['06 12 34 56 78', 'FR', '+33612345678'],
  ['02 1234 5678', 'IT', '+390212345678'],
  ['612 34 56 78', 'ES', '+34612345678'],
  ['0721 234 567', 'RO', '+40721234567'],
  ['0532 123 45 67', 'TR', '+905321234567'],
  ['+39 02 1234 5678', 'DE', '+390212345678'],
  ['0034 612 34 56 78', 'FR', '+34612345678'],
  ['+40 721 234 567', 'BG', '+40721234567'],
  ['00 90 532 123 45 67', 'DE', '+905321234567'],
  // International prefixes other than 00: the region's own is stripped, a forwarded 00 still means "+"
  ['011 44 20 7946 0018', 'CA', '+442079460018'],
  ['0011 44 20 7946 0018', 'AU', '+442079460018'],
  ['0021 44 20 7946 0018', 'BR', '+442079460018'],
  ['00 44 20 7946 0018', 'BR', '+442079460018'],
  ['010 44 20 7946 0018', 'JP', '+442079460018'],
  ['8 10 359 888 123 456', 'RU', '+359888123456'],
  // A national number that merely looks like an international prefix (Norrköping's area code)
  ['011-12 34 56', 'SE', '+4611123456'],
  // SIP URIs and name-addr forms
  ['sip:+359888123456@pbx;user=phone', 'BG', '+359888123456'],
  ['sip:0888123456@10.0.0.1:5060;transport=udp', 'BG', '+359888123456'],
  ['sips:+48600123456@sbc.example.pl', 'BG', '+48600123456'],
  ['"Ivan Ivanov" <sip:+359888123456@pbx.example;user=phone>', 'BG', '+359888123456'],
  ['<sip:00359888123456@10.1.1.1>;tag=abc', 'BG', '+359888123456'],
  ['sip:0888-123-456@pbx?subject=hello', 'BG', '+359888123456'],
  ['sip:%2B359888123456@pbx', 'BG', '+359888123456'],
  ['SIP:+442079460018@gw.example.co.uk;user=phone', 'BG', '+442079460018'],
  // tel: URIs (RFC 3966)
  ['tel:+359-888-123-456', 'BG', '+359888123456'],
  ['tel:0888123456;phone-context=+359', 'US', '+359888123456'],
  ['tel:600123456;phone-context=+48', 'BG', '+48600123456'],
  ['tel:02-1234-5678;phone-context=+39', 'BG', '+390212345678'],
  ['tel:8-495-123-45-67;phone-context=+7', 'DE', '+74951234567'],
  ['tel:555-0142;phone-context=+1-212', 'BG', '+12125550142'],
  ['<tel:+1-212-555-0142>', 'BG', '+12125550142'],
];

describe('normalisePhone: numbers that become E.164', () => {
  it.each(numbers)('%s in %s → %s', (raw, region, e164) => {
    const phone = normalisePhone(raw, region);
    expect(phone).toMatchObject({ kind: 'e164', raw, e164 });
  });
});

describe('normalisePhone: extensions', () => {
  it.each([
    ['+359 2 123 4567 ext. 12', 'BG', '+35921234567', '12'],
    ['(212) 555-0142 x7', 'US', '+12125550142', '7'],
    ['+35921234567;ext=12', 'BG', '+35921234567', '12'],
    ['02 123 4567 x12', 'BG', '+35921234567', '12'],
    ['00359 2 123 4567 ext. 12', 'US', '+35921234567', '12'],
    ['tel:+1-212-555-0142;ext=7', 'BG', '+12125550142', '7'],
    ['sip:+35921234567;ext=305@pbx;user=phone', 'BG', '+35921234567', '305'],
  ] as [string, Region, string, string][])('%s → %s ext %s', (raw, region, e164, extension) => {
    expect(normalisePhone(raw, region)).toMatchObject({ kind: 'e164', e164, extension });
  });
});

describe('normalisePhone: internal extensions', () => {
  it.each([
    ['101', '101'],
    ['2001', '2001'],
    ['sip:2001@pbx.local', '2001'],
    ['"Reception" <sip:100@10.0.0.1>', '100'],
    ['tel:1234;phone-context=pbx.example.com', '1234'],
    ['*72', '*72'],
  ])('%s → internal %s', (raw, extension) => {
    expect(normalisePhone(raw, 'BG')).toEqual({ kind: 'internal', raw, extension });
  });
});

describe('normalisePhone: withheld callers', () => {
  it.each([
    'anonymous',
    'Anonymous',
    'unknown',
    'RESTRICTED',
    'private',
    'Unavailable',
    'withheld',
    '',
    '   ',
    'sip:anonymous@anonymous.invalid',
    '"Anonymous" <sip:anonymous@pbx.example>',
    'sip:+359888123456@anonymous.invalid',
    'tel:unknown',
  ])('%j → withheld', (raw) => {
    expect(normalisePhone(raw, 'BG')).toEqual({ kind: 'withheld', raw });
  });
});

describe('normalisePhone: invalid input keeps the raw text and says why', () => {
  it.each([
    ['abc', 'not-a-number', undefined],
    ['+++', 'not-a-number', undefined],
    ['12345678901234567890', 'too-long', '12345678901234567890'],
    ['+999 123 456', 'unknown-country-code', '999123456'],
    ['+999 123', 'unknown-country-code', '999123'],
    ['0888 12', 'not-a-valid-number', '88812'],
    ['sip:pbx.example.com', 'not-a-number', undefined],
  ])('%j → %s', (raw, reason, digits) => {
    const phone = normalisePhone(raw, 'BG');
    expect(phone).toEqual({ kind: 'invalid', raw, reason, ...(digits ? { digits } : {}) });
  });

  it('a foreign number sent without its country code keeps its digits for the probable-match fallback', () => {
    expect(normalisePhone('600 123 456', 'BG')).toEqual({ kind: 'invalid', raw: '600 123 456', reason: 'not-a-valid-number', digits: '600123456' });
  });
});

describe('normalisePhone: free text is not a number, whatever digits it holds', () => {
  it.each([
    'ticket 20080272',
    'Order #020080272',
    'acct:020080272',
    'sip:ticket-020080272@pbx.example',
    'tel:ticket-020080272',
    '"Ivan" <sip:order020080272@pbx.example>',
    'call me on 0888 123 456',
    '0888 123 456 please',
    'mailto:020080272@example.com',
    '020080272abc',
  ])('%j → invalid, not-a-number, with no digits to look up', (raw) => {
    expect(normalisePhone(raw, 'BG')).toEqual({ kind: 'invalid', raw, reason: 'not-a-number' });
  });
});

describe('normalisePhone options', () => {
  it('the internal length is configurable', () => {
    expect(normalisePhone('123456', 'BG', { maxInternalDigits: 6 })).toMatchObject({ kind: 'internal', extension: '123456' });
    expect(normalisePhone('12345', 'BG', { maxInternalDigits: 4 }).kind).toBe('invalid');
  });
});

describe('formatPhone', () => {
  it.each([
    ['+359888123456', 'BG', '088 812 3456'],
    ['+359888123456', 'PL', '+359 88 812 3456'],
    ['+12125550142', 'US', '(212) 555-0142'],
    ['+442079460018', 'BG', '+44 20 7946 0018'],
    ['+390212345678', 'IT', '02 1234 5678'],
    ['+390212345678', 'BG', '+39 02 1234 5678'],
    ['+12125550142', 'CA', '(212) 555-0142'],
    ['+77011234567', 'RU', '8 (701) 123 4567'],
  ] as [string, Region, string][])('%s in %s → %s', (e164, region, shown) => {
    expect(formatPhone(e164, region)).toBe(shown);
  });
});

describe('nationalNumberOf', () => {
  it.each([
    ['+359888123456', '888123456'],
    ['+12125550142', '2125550142'],
    ['+380501234567', '501234567'],
    ['+74951234567', '4951234567'],
    ['+442079460018', '2079460018'],
    ['+390212345678', '0212345678'],
    ['+80012345678', '12345678'],
  ])('%s → %s, as a full parse says', (e164, national) => {
    expect(nationalNumberOf(e164)).toBe(national);
    expect(normalisePhone(e164, 'BG')).toMatchObject({ nationalNumber: national });
  });
});
