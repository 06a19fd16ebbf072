import { timingSafeEqual } from 'node:crypto';

/** Constant time, so a secret or token cannot be guessed one character at a time from response times. */
export function sameSecret(offered: string | null, expected: string): boolean {
  if (offered === null) return false;
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
