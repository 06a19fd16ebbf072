/**
 * Every language has every text: each key of en.json is in every locale file, a plural in
 * each of the forms its language needs (Intl.PluralRules: one/other in English and
 * Bulgarian, one/few/many/other in Polish, Russian and Ukrainian), with the same
 * placeholders; and every key the code asks for is in en.json. A key added to en.json
 * without its translations fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../../shared/i18n/locales.js';
import { translations } from '../../../../shared/i18n/translations.js';
import { translatorFor } from '../../../../shared/i18n/translator.js';

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL_SUFFIX = new RegExp(`_(${PLURAL_FORMS.join('|')})$`);

function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const english = flatten(translations.en);
/** en.json's keys, a plural once under its base ("sync.rejected") with the text of its "other" form. */
const englishTexts = new Map<string, { plural: boolean; text: string }>();
for (const [key, text] of english) {
  const base = key.replace(PLURAL_SUFFIX, '');
  if (base === key) englishTexts.set(key, { plural: false, text });
  else if (key.endsWith('_other') || !englishTexts.has(base)) englishTexts.set(base, { plural: true, text });
}

const pluralForms = (locale: Locale) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

/** The keys a locale file must have: en.json's, each plural in this language's forms. */
function expectedKeys(locale: Locale): Map<string, string> {
  const expected = new Map<string, string>();
  for (const [key, { plural, text }] of englishTexts) {
    if (!plural) expected.set(key, text);
    else for (const form of pluralForms(locale)) expected.set(`${key}_${form}`, text);
  }
  return expected;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe.each(LOCALES)('the %s locale file', (locale) => {
  const texts = flatten(translations[locale]);
  const expected = expectedKeys(locale);

  it('has every key of en.json, each plural in every form its language needs', () => {
    expect([...expected.keys()].filter((key) => !texts.has(key))).toEqual([]);
  });

  it('has no key that en.json does not have', () => {
    expect([...texts.keys()].filter((key) => !expected.has(key))).toEqual([]);
  });

  it('uses the placeholders of the English text, and leaves no text empty', () => {
    const wrong = [...texts].filter(([key, text]) => {
      const english = expected.get(key);
      return english !== undefined && (text.trim() === '' || placeholders(text).join() !== placeholders(english).join());
    });
    expect(wrong).toEqual([]);
  });
});

describe('plural forms', () => {
  const left = (locale: Locale, counts: number[]) => counts.map((count) => translatorFor(locale)('agentState.wrapUpLeft', { count }));

  it('English and Bulgarian have one and other', () => {
    expect(left('en', [1, 2, 21])).toEqual(['Wrap-up: 1 second left', 'Wrap-up: 2 seconds left', 'Wrap-up: 21 seconds left']);
    expect(left('bg', [1, 2, 5, 21])).toEqual([
      'Обработка след разговор: остава 1 секунда',
      'Обработка след разговор: остават 2 секунди',
      'Обработка след разговор: остават 5 секунди',
      'Обработка след разговор: остават 21 секунди',
    ]);
  });

  it('Russian says 1 and 21 секунда, 2 and 22 секунды, 5, 11 and 25 секунд', () => {
    expect(left('ru', [1, 2, 5, 11, 21, 22, 25])).toEqual([
      'Постобработка: осталась 1 секунда',
      'Постобработка: осталось 2 секунды',
      'Постобработка: осталось 5 секунд',
      'Постобработка: осталось 11 секунд',
      'Постобработка: осталась 21 секунда',
      'Постобработка: осталось 22 секунды',
      'Постобработка: осталось 25 секунд',
    ]);
  });

  it('Ukrainian says 1 and 21 зміна, 2 and 22 зміни, 5, 11 and 25 змін', () => {
    const waiting = [1, 2, 5, 11, 21, 22, 25].map((count) => translatorFor('uk')('sync.signed_outPending', { count }));
    expect(waiting.map((text) => text.replace('Сервер: ви не увійшли · ', ''))).toEqual([
      '1 зміна чекає на надсилання',
      '2 зміни чекають на надсилання',
      '5 змін чекають на надсилання',
      '11 змін чекають на надсилання',
      '21 зміна чекає на надсилання',
      '22 зміни чекають на надсилання',
      '25 змін чекають на надсилання',
    ]);
  });

  it('Polish says 1 sekunda, 2 and 22 sekundy, 5 and 12 sekund', () => {
    expect(left('pl', [1, 2, 5, 12, 22])).toEqual([
      'Obsługa po rozmowie: została 1 sekunda',
      'Obsługa po rozmowie: zostały 2 sekundy',
      'Obsługa po rozmowie: zostało 5 sekund',
      'Obsługa po rozmowie: zostało 12 sekund',
      'Obsługa po rozmowie: zostały 22 sekundy',
    ]);
  });
});

describe('the keys the code asks for', () => {
  const ROOTS = ['renderer/src', 'electron', 'shared'];
  const sources = ROOTS.flatMap((root) =>
    (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => join(root, f)),
  );
  const groups = new Set([...english.keys()].flatMap((key) => key.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))));

  it('are in en.json: every t("key"), and the group of every t(`group.${…}`)', () => {
    const missing: string[] = [];
    for (const file of sources) {
      const code = readFileSync(file, 'utf8');
      for (const [, key] of code.matchAll(/\bt\(\s*'([\w.-]+)'/g)) if (!englishTexts.has(key!)) missing.push(`${file}: ${key}`);
      for (const [, group] of code.matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)) if (!groups.has(group!)) missing.push(`${file}: ${group}.…`);
    }
    expect(missing).toEqual([]);
  });
});
