/** How a zod refusal reads to a person: every side (desk, hub, UI, tools) words a failed parse the same way. */
import type { z } from 'zod';

/** A zod issue list as one line a person can act on: "limit: Too big…; query: Too small…". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
