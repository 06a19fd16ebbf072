/**
 * A feed row's schema failures in words IT can fix the feed with. The message comes
 * from the rule itself (its bound, its allowed values), so a field gets the right
 * words by the schema it is declared with, and a new field needs nothing here.
 * A message a schema spells out itself still wins: zod asks this map only for the rest.
 */
import type { z } from 'zod';

const KINDS: Record<string, string> = { string: 'text', number: 'a number', array: 'a list', object: 'an object' };
const UNITS: Record<string, (n: number) => string> = {
  string: (n) => `${n} ${n === 1 ? 'character' : 'characters'}`,
  array: (n) => `${n} ${n === 1 ? 'entry' : 'entries'}`,
};

const sizeOf = (input: unknown) => (typeof input === 'string' || Array.isArray(input) ? input.length : null);

function bound(origin: string, limit: number | bigint | Date, inclusive: boolean | undefined, [atMost, under]: [string, string], input: unknown): string {
  const amount = UNITS[origin]?.(Number(limit)) ?? String(limit);
  const size = sizeOf(input);
  return `must be ${inclusive === false ? under : atMost} ${amount}${size === null ? '' : ` (this one has ${size})`}`;
}

export const feedIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive, ['at most', 'less than'], issue.input);
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive, ['at least', 'more than'], issue.input);
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}${issue.input === undefined ? '' : ` (not ${JSON.stringify(issue.input)})`}`;
    default:
      return undefined;
  }
};
