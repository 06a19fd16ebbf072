/**
 * Cyrillic names in Latin letters, the way Bulgarian, Russian and Ukrainian names are
 * written in passports and typed by people, so "ivanov" finds Иванов and "Смит" finds
 * Smith. Written here rather than taken from a package: of the well-kept ones, iuliia
 * does Russian only, cyrillic-to-translit-js Russian and Ukrainian but not Bulgarian,
 * and transliteration and @sindresorhus/transliterate have one table for all Cyrillic,
 * which cannot write щ as Bulgarian sht and as Russian shch, or г as Ukrainian h.
 */

export type TransliterationTable = 'bg' | 'ru' | 'uk';

interface Table {
  letters: Record<string, string>;
  /** Letters written otherwise at the start of a word. */
  initial?: Record<string, string>;
  /** Letter pairs written as one unit. */
  pairs?: Record<string, string>;
  /** Word endings written otherwise. */
  endings?: Record<string, string>;
}

const APOSTROPHES = { "'": '', '’': '', 'ʼ': '' };
const SHARED = {
  а: 'a', б: 'b', в: 'v', д: 'd', е: 'e', ж: 'zh', з: 'z', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ц: 'ts', ч: 'ch', ш: 'sh', ...APOSTROPHES,
};

const TABLES: Record<TransliterationTable, Table> = {
  // The Bulgarian Transliteration Act (2009): щ is sht, ъ is a, and a final -ия is -ia (България → Bulgaria).
  bg: {
    letters: { ...SHARED, г: 'g', и: 'i', й: 'y', х: 'h', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya' },
    endings: { ия: 'ia' },
  },
  // BGN/PCGN without its diacritics and apostrophes: what Russian names look like on cards and in email ("Khrushchev", "Yuriy").
  ru: {
    letters: { ...SHARED, г: 'g', ё: 'e', и: 'i', й: 'y', х: 'kh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya' },
  },
  // The Ukrainian national system (Cabinet resolution 55 of 2010): г is h, и is y; є ї й ю я differ at a word's start; зг is zgh.
  uk: {
    letters: { ...SHARED, г: 'h', ґ: 'g', и: 'y', і: 'i', ї: 'i', й: 'i', є: 'ie', х: 'kh', щ: 'shch', ь: '', ю: 'iu', я: 'ia' },
    initial: { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' },
    pairs: { зг: 'zgh' },
  },
};
const TABLE_NAMES = Object.keys(TABLES) as TransliterationTable[];

/** A letter one table lacks (ы in a Bulgarian table, ї in a Russian one) is written as the table that has it writes it. */
const ANY_TABLE: Record<string, string> = Object.assign({}, TABLES.uk.letters, TABLES.bg.letters, TABLES.ru.letters);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORD = /\p{L}[\p{L}'’ʼ]*/gu;

function wordIn(word: string, table: Table): string {
  const ending = Object.keys(table.endings ?? {}).find((end) => word.length > end.length && word.endsWith(end));
  const stem = ending ? word.slice(0, -ending.length) : word;
  let out = '';
  for (let i = 0; i < stem.length; i++) {
    const pair = table.pairs?.[stem.slice(i, i + 2)];
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    const letter = stem[i]!;
    out += (i === 0 ? table.initial?.[letter] : undefined) ?? table.letters[letter] ?? ANY_TABLE[letter] ?? letter;
  }
  return ending ? out + table.endings![ending] : out;
}

/** The text in Latin letters by one table, lower case; text with no Cyrillic comes back lower-cased only. */
export function transliterate(text: string, table: TransliterationTable): string {
  return text.toLowerCase().replace(WORD, (word) => (CYRILLIC.test(word) ? wordIn(word, TABLES[table]) : word));
}

/** Every distinct Latin spelling of a text that has Cyrillic in it, one for each table; none for a text without. */
export function latinSpellings(text: string): string[] {
  if (!CYRILLIC.test(text)) return [];
  return [...new Set(TABLE_NAMES.map((table) => transliterate(text, table)))];
}
