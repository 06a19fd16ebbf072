/** Dates, amounts and numbers the way the operator's locale writes them. */
import type { E164, Region } from '../../shared/domain.js';
import { formatPhone } from '../../shared/phone/normalise.js';

const locale = navigator.language;
const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** A calendar day ("2026-12-01") is the same day everywhere: read and shown in UTC. */
const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));
export const formatTime = (iso: string) => timeFormat.format(new Date(iso));

export function formatMoney(amountMinor: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(amountMinor / 100);
}

export const formatNumber = (e164: E164, region: Region) => formatPhone(e164, region);
