/** Dates, times, amounts and numbers through Intl in the agent's language and the desk's zone. */
import { describe, expect, it } from 'vitest';
import { dayParts, readDay, writeDay } from '../../../../renderer/src/day-format.js';
import { formatsFor } from '../../../../renderer/src/format.js';

const purchase = '2026-03-02T10:00:00.000Z';
/** Intl puts no-break and narrow no-break spaces where a space goes: compared as spaces here. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formats in the agent’s language', () => {
  it('a Bulgarian desk writes 2.03.2026 г., лева with a decimal comma, and the 24-hour clock', () => {
    const bg = formatsFor('bg', 'Europe/Sofia');
    expect(bg.date(purchase)).toBe('2.03.2026 г.');
    expect(plain(bg.money(12_900, 'BGN'))).toBe('129,00 лв.');
    expect(plain(bg.dateTime(purchase))).toBe('2.03.2026 г., 12:00');
    expect(plain(bg.count(12_345))).toBe('12 345');
  });

  it('a Polish desk writes Polish month names and złoty', () => {
    const pl = formatsFor('pl', 'Europe/Warsaw');
    expect(pl.date(purchase)).toBe('2 mar 2026');
    expect(pl.date('2026-12-24T10:00:00Z')).toBe('24 gru 2026');
    expect(plain(pl.money(12_900, 'PLN'))).toBe('129,00 zł');
  });

  it('Russian and Ukrainian desks write their own month names', () => {
    expect(formatsFor('ru', 'Europe/Moscow').date(purchase)).toBe('2 мар. 2026 г.');
    expect(formatsFor('uk', 'Europe/Kyiv').date(purchase)).toBe('2 бер. 2026 р.');
  });

  it('an English desk writes Mar 2, 2026', () => {
    expect(formatsFor('en', 'UTC').date(purchase)).toBe('Mar 2, 2026');
  });

  it('shows an instant on the day and at the hour of the desk’s zone', () => {
    const lateEvening = '2026-03-01T23:30:00.000Z';
    expect(formatsFor('bg', 'UTC').date(lateEvening)).toBe('1.03.2026 г.');
    expect(formatsFor('bg', 'Europe/Sofia').date(lateEvening)).toBe('2.03.2026 г.');
    expect(formatsFor('bg', 'Europe/Sofia').time(lateEvening)).toBe('1:30');
  });

  it('shows a calendar day as the same day in every zone', () => {
    expect(formatsFor('bg', 'America/Los_Angeles').day('2026-12-01')).toBe('1.12.2026 г.');
    expect(formatsFor('uk', 'Asia/Tokyo').day('2026-12-01')).toBe('1 груд. 2026 р.');
  });

  it('writes percentages and seconds the language’s way', () => {
    expect(formatsFor('en', 'UTC').percent(67)).toBe('67%');
    expect(plain(formatsFor('ru', 'UTC').percent(67))).toBe('67 %');
    expect(formatsFor('en', 'UTC').seconds(12)).toBe('12s');
    expect(plain(formatsFor('bg', 'UTC').seconds(12))).toBe('12 с');
  });

  it('says a stretch of time in its largest whole unit: minutes, hours up to two days, then days', () => {
    const en = formatsFor('en', 'UTC');
    expect(en.span(20_000)).toBe('1 min');
    expect(en.span(-(3 * 3_600_000 + 59 * 60_000))).toBe('3 hr');
    expect(en.span(47 * 3_600_000)).toBe('47 hr');
    expect(en.span(49 * 3_600_000)).toBe('2 days');
    expect(plain(formatsFor('bg', 'UTC').span(3 * 3_600_000))).toBe('3 ч');
  });
});

describe('a day typed the agent’s way', () => {
  it('is read in the language’s order, with any separator', () => {
    expect(readDay('1.12.2026', 'bg')).toBe('2026-12-01');
    expect(readDay('01 12 2026', 'ru')).toBe('2026-12-01');
    expect(readDay('12/1/2026', 'en')).toBe('2026-12-01');
    expect(readDay('1/12/2026', 'pl')).toBe('2026-12-01');
  });

  it('is read year first in any language', () => {
    expect(readDay('2026-12-01', 'uk')).toBe('2026-12-01');
    expect(readDay('2026-12-01', 'en')).toBe('2026-12-01');
  });

  it('is not a day when the calendar has no such day, or the year is not whole yet', () => {
    expect(readDay('31.02.2026', 'bg')).toBeNull();
    expect(readDay('1.1.202', 'bg')).toBeNull();
    expect(readDay('1.12', 'bg')).toBeNull();
    expect(readDay('', 'bg')).toBeNull();
  });

  it('is written back in numbers, the language’s way', () => {
    expect(writeDay('2026-12-01', 'bg')).toBe('01.12.2026 г.');
    expect(writeDay('2026-12-01', 'en')).toBe('12/01/2026');
    expect(dayParts('pl')).toEqual([{ field: 'day' }, { literal: '.' }, { field: 'month' }, { literal: '.' }, { field: 'year' }]);
  });
});
