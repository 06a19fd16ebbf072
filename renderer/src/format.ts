/**
 * Dates, amounts and numbers the way the agent's language writes them, in the desk's time
 * zone: a Bulgarian desk shows 2.03.2026 г. and 129,00 лв., a Polish one 2 mar 2026.
 */
import type { E164, Region } from '../../shared/domain.js';
import { formatPhone } from '../../shared/phone/normalise.js';

export interface Formats {
  /** An instant's calendar day. */
  date(iso: string): string;
  dateTime(iso: string): string;
  time(iso: string): string;
  /** A calendar day ("2026-12-01") is the same day everywhere: shown as written, whatever the zone. */
  day(day: string): string;
  money(amountMinor: number, currency: string): string;
  count(value: number): string;
  /** 0–100. */
  percent(value: number): string;
  seconds(value: number): string;
  /** A stretch of time in its largest whole unit, for "overdue by 3 hr": minutes, hours up to two days, then days. */
  span(ms: number): string;
}

const cache = new Map<string, Formats>();

/** Intl formatters are costly to build and cheap to reuse: one set per language and zone. */
export function formatsFor(locale: string, timeZone: string): Formats {
  const key = `${locale} ${timeZone}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow', maximumFractionDigits: 0 });
  const inUnit = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, { style: 'unit', unitDisplay: 'short', maximumFractionDigits: 0, ...options });
  const [minutes, hours, days] = [inUnit({ unit: 'minute' }), inUnit({ unit: 'hour' }), inUnit({ unit: 'day' })];
  const money = new Map<string, Intl.NumberFormat>();
  const formats: Formats = {
    date: (iso) => date.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    // A date-only ISO string is read as UTC midnight (ECMA-262 Date Time String Format).
    day: (d) => day.format(new Date(d)),
    money(amountMinor, currency) {
      let format = money.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency });
        money.set(currency, format);
      }
      return format.format(amountMinor / 100);
    },
    count: (value) => count.format(value),
    percent: (value) => percent.format(value / 100),
    seconds: (value) => seconds.format(value),
    span(ms) {
      const wholeMinutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
      if (wholeMinutes < 60) return minutes.format(wholeMinutes);
      const wholeHours = Math.floor(wholeMinutes / 60);
      return wholeHours < 48 ? hours.format(wholeHours) : days.format(Math.floor(wholeHours / 24));
    },
  };
  cache.set(key, formats);
  return formats;
}

export const formatNumber = (e164: E164, region: Region) => formatPhone(e164, region);
