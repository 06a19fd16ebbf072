/** IANA time zones, as the desk and the hub accept them in their configuration. */
import { z } from 'zod';

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z.string().refine(isTimeZone, 'an IANA time zone such as "Europe/Sofia" or "UTC"');
