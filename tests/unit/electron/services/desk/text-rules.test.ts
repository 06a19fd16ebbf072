import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDeskConfig } from '../../../../../electron/services/config/desk-config.js';
import { createDesk } from '../../../../../electron/services/desk/desk.js';
import { silentLogger } from '../../../../../electron/services/log.js';
import type { DeskStore } from '../../../../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../../../../electron/services/store/open-store.js';
import { BoardEventsRequestSchema } from '../../../../../shared/board.js';
import { CallEventSchema } from '../../../../../shared/call.js';
import { deskRequests } from '../../../../../shared/desk-api.js';
import { createDeskDispatcher } from '../../../../../shared/desk-wire.js';
import { ChangeSchema, LoginRequestSchema, MutationSchema, NewAgentSchema } from '../../../../../shared/sync.js';
import { withoutControlCharacters } from '../../../../../shared/text-rules.js';
import { deskCustomers } from '../../../../fixtures/desk-customers.js';

/** Every string leaf of a schema, with its path: what a peer can fill with text. */
function textLeaves(schema: z.ZodType, path: string): [string, z.ZodType][] {
  if (schema instanceof z.ZodString) return [[path, schema]];
  if (schema instanceof z.ZodObject) return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => textLeaves(inner, `${path}.${key}`));
  if (schema instanceof z.ZodArray) return textLeaves(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((option) => textLeaves(option, path));
  if (schema instanceof z.ZodRecord) return textLeaves(schema.valueType as z.ZodType, `${path}{}`);
  if (schema instanceof z.ZodPipe) return textLeaves(schema.in as z.ZodType, path);
  const inner = (schema._zod.def as { innerType?: z.ZodType }).innerType;
  return inner ? textLeaves(inner, path) : [];
}

const INPUTS: [string, z.ZodType][] = [
  ['CallEvent', CallEventSchema],
  ['BoardEvents', BoardEventsRequestSchema],
  ['Mutation', MutationSchema],
  ['Change', ChangeSchema],
  ['Login', LoginRequestSchema],
  ['NewAgent', NewAgentSchema],
  ...Object.entries(deskRequests).map(([name, request]): [string, z.ZodType] => [name, request.input]),
];
const leaves = INPUTS.flatMap(([name, schema]) => textLeaves(schema, name));

describe('text that crosses a boundary', () => {
  it('finds the text fields it checks', () => {
    expect(leaves.map(([path]) => path)).toEqual(expect.arrayContaining(['CallEvent.remoteName', 'Mutation.payload.note', 'searchCustomers.query', 'BoardEvents.inputs[].event.memberName']));
  });

  it.each(leaves)('%s has a bound', (_, schema) => {
    expect(schema.safeParse('x'.repeat(100_001)).success).toBe(false);
  });

  it.each(leaves)('%s refuses NUL, escape and C1 controls', (_, schema) => {
    for (const control of ['\u0000', '\u001b', '\u007f', '\u0085']) expect(schema.safeParse(`a${control}b`).success).toBe(false);
  });

  it('keeps tabs and line breaks in a note, and no other single-line field takes them', () => {
    const note = leaves.find(([path]) => path === 'saveAnnotation.note')![1];
    expect(note.safeParse('first line\n\tsecond line\r\nthird').success).toBe(true);
    expect(leaves.find(([path]) => path === 'CallEvent.remoteName')![1].safeParse('Ivan\nIvanov').success).toBe(false);
  });
});

describe('what a text box keeps of pasted text', () => {
  it('drops every control character from a single line, and all but tab and line breaks from a note', () => {
    const pasted = 'Ivan\u0000 Iva\u001b[1mnov\u0085\tnext\r\nline\u007f';
    expect(withoutControlCharacters(pasted, 'single-line')).toBe('Ivan Iva[1mnovnextline');
    expect(withoutControlCharacters(pasted, 'multi-line')).toBe('Ivan Iva[1mnov\tnext\r\nline');
  });
});

describe('what the desk saves, the hub takes', () => {
  let dir: string;
  let store: DeskStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'text-rules-'));
    store = openDeskStore(join(dir, 'desk.sqlite'));
    store.insertBatch(deskCustomers);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const dispatcher = () => createDeskDispatcher(createDesk({ config: parseDeskConfig({ region: 'BG' }, 'test'), store, log: silentLogger }).handlers, () => undefined);
  const annotation = (note: string) => ({ mutationId: crypto.randomUUID(), callId: null, customerId: '1001', phone: null, note, disposition: 'callback', followUpOn: null });

  it('refuses a note with a NUL at input, saying what to do, and keeps nothing to push', async () => {
    const answer = await dispatcher()({ id: 1, name: 'saveAnnotation', input: annotation('wants a\u0000 router') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_request', key: 'controlCharacters' } });
    expect(store.pendingMutations(10)).toEqual([]);
  });

  it('pushes a note of the longest length with tabs and line breaks as a valid mutation', async () => {
    const longest = 'a\tb\n'.repeat(2_500);
    expect((await dispatcher()({ id: 1, name: 'saveAnnotation', input: annotation(longest) })).ok).toBe(true);
    const [entry] = store.pendingMutations(10);
    expect(MutationSchema.safeParse(entry).success).toBe(true);
  });

  it('answers a search with a NUL or other control characters, never with an internal error', async () => {
    for (const query of ['x\u0000y', 'иванов\u0000', '\u001b[2J']) {
      const answer = await dispatcher()({ id: 1, name: 'searchCustomers', input: { query } });
      expect(answer.ok ? 'ok' : (answer.error.code)).not.toBe('internal');
    }
  });
});
