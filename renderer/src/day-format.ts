/**
 * Calendar days ("2026-12-01", as the desk stores them) written in numbers the way the
 * agent's language writes them (01.12.2026 in Sofia, 12/01/2026 in English), and read back
 * from what they type. A browser's <input type="date"> follows the browser's own locale,
 * not the agent's, so the desk writes and reads days itself; the field order and separators
 * come from Intl, so no language's pattern is spelled out here.
 */
export type DayField = 'day' | 'month' | 'year';
const FIELDS = new Set<string>(['day', 'month', 'year']);

const numeric = (locale: string) => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

export const isIsoDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** The parts of a numeric date in this language, in order: fields and the literals between them. */
export type DayPart = { field: DayField } | { literal: string };

export function dayParts(locale: string): DayPart[] {
  return numeric(locale)
    .formatToParts(new Date(Date.UTC(2026, 11, 1)))
    .flatMap((p): DayPart[] => (FIELDS.has(p.type) ? [{ field: p.type as DayField }] : p.type === 'literal' ? [{ literal: p.value }] : []));
}

export function writeDay(iso: string, locale: string): string {
  return numeric(locale).format(new Date(iso));
}

/**
 * The day in what was typed: three groups of digits in the language's order, any
 * separators, a four-digit year; or year first (2026-12-01) in any language. Null when
 * that is not a day of the calendar.
 */
export function readDay(text: string, locale: string): string | null {
  const groups = text.match(/\d+/g);
  if (!groups || groups.length !== 3) return null;
  const order: DayField[] = groups[0]!.length === 4 ? ['year', 'month', 'day'] : dayParts(locale).flatMap((p) => ('field' in p ? [p.field] : []));
  const value = Object.fromEntries(order.map((field, i) => [field, groups[i]!])) as Record<DayField, string>;
  if (value.year.length !== 4) return null;
  const [year, month, day] = [Number(value.year), Number(value.month), Number(value.day)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
