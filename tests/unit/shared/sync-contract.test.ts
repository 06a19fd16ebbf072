/** The sync contract as each side reads the other's answers: what a desk makes of a hub newer than itself. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PullPageSchema, PushResultSchema } from '../../../shared/sync.js';

describe('a desk reading a newer hub', () => {
  it('takes a refusal code it does not know as a refusal it cannot name, and keeps the rest of the answer', () => {
    const mutationId = randomUUID();
    const parsed = PushResultSchema.safeParse({ results: [{ mutationId, status: 'rejected', reason: 'quota_exceeded' }] });
    expect(parsed.success && parsed.data.results).toEqual([{ mutationId, status: 'rejected', reason: 'refused' }]);
  });

  it('reads a note that names no agent, as an older hub sends it', () => {
    const interaction = { id: 'n1', customerId: 'c1', kind: 'note', callId: null, phone: null, disposition: null, note: '', followUpOn: null, agent: 'alice', at: '2026-12-01T10:00:00.000Z' };
    expect(PullPageSchema.safeParse({ changes: [{ entity: 'interaction', version: 1, interaction }], cursor: 1, more: false }).success).toBe(true);
  });
});
