/**
 * Generated JSON bridge bodies for the fuzz pass: valid call events and mutations of
 * them that the bridge must refuse. Validity is decided here, by construction: a valid
 * case is an unmutated event sent as application/json (HTTP) or a text frame (WebSocket)
 * and carries the call id `fuzz-valid-<n>`; every mutated case starts from an event
 * whose id is `fuzz-bad-<n>`, and each mutation is one CallEventSchema refuses. So no
 * card or call-log row may ever carry an id other than `fuzz-valid-…`.
 * Seeded (faker's Mersenne Twister), so a failing seed replays the same bodies.
 */
import { SimpleFaker } from '@faker-js/faker';
import { z } from 'zod';
import { CallEventSchema } from '../../shared/call.js';

export interface FuzzCase {
  n: number;
  via: 'http' | 'websocket';
  /** HTTP: the Content-Type header, null for none. WebSocket: 'text' or 'binary' frame. */
  contentType: string | null;
  body: string | Uint8Array<ArrayBuffer>;
  valid: boolean;
  /** What was done to the event, for a failure message. */
  mutation: string;
}

export const VALID_CALL_ID = /^fuzz-valid-\d+$/;

const STATES = ['ringing', 'answered', 'ended', 'missed', 'answered_elsewhere'] as const;
const REMOTES = ['0888 123 456', '+359888123456', 'sip:+359888123456@pbx;user=phone', 'tel:0888123456;phone-context=+359', 'anonymous', '101', '00359 2 912 3456', '"Ivan" <sip:0888123456@10.0.0.1>'];
const WRONG_VALUES: unknown[] = [0, -1, 1.5, true, false, null, [], {}, ['ringing'], { nested: 'x' }];
const NOT_JSON_TYPES = ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', 'text/html', null];

/** Each text field's bound, read from the schema itself so the fuzz follows it when it changes. */
const TEXT_BOUNDS: [string, number][] = Object.entries(CallEventSchema.shape).flatMap(([field, schema]) => {
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  return inner instanceof z.ZodString && inner.maxLength !== null ? [[field, inner.maxLength] as [string, number]] : [];
});

type Event = Record<string, unknown>;
type Mutation = (event: Event, f: SimpleFaker) => { body: string | Uint8Array<ArrayBuffer>; contentType?: string | null; frame?: 'binary' };

function validEvent(callId: string, f: SimpleFaker): Event {
  const event: Event = { callId, state: f.helpers.arrayElement(STATES), remote: f.helpers.arrayElement(REMOTES) };
  if (f.datatype.boolean()) event.remoteName = f.string.alpha({ length: { min: 1, max: 40 } });
  if (f.datatype.boolean()) event.direction = f.helpers.arrayElement(['inbound', 'outbound']);
  if (f.datatype.boolean()) event.queue = f.helpers.arrayElement(['sales', 'support', 'billing']);
  if (f.datatype.boolean()) event.dialled = '+35929001234';
  if (f.datatype.boolean()) event.at = new Date(Date.UTC(2026, 0, 1) + f.number.int({ max: 1e9 })).toISOString();
  return event;
}

const json = (event: Event) => ({ body: JSON.stringify(event) });

/** Each refused by CallEventSchema, the JSON parser, the body limit or the content-type check. */
const MUTATIONS: Record<string, Mutation> = {
  wrongType: (event, f) => json({ ...event, [f.helpers.arrayElement(['callId', 'state', 'remote', 'remoteName', 'direction', 'dialled', 'queue', 'at'])]: f.helpers.arrayElement(WRONG_VALUES) }),
  hugeString: (event, f) => {
    const [field, max] = f.helpers.arrayElement(TEXT_BOUNDS);
    return json({ ...event, [field]: 'x'.repeat(f.number.int({ min: max + 1, max: f.datatype.boolean() ? max * 2 : 40_000 })) });
  },
  deepNesting: (event, f) => {
    const depth = f.number.int({ min: 2, max: 6_000 });
    const text = JSON.stringify(event);
    return { body: `${text.slice(0, -1)},"nested":${'['.repeat(depth)}${']'.repeat(depth)}}` };
  },
  nestedWhereTextBelongs: (event, f) => json({ ...event, remote: { sip: { uri: event.remote, depth: f.number.int(9) } } }),
  unknownField: (event, f) => json({ ...event, [`x_${f.string.alpha({ length: { min: 1, max: 20 } })}`]: f.string.sample() }),
  missingField: (event, f) => {
    const { [f.helpers.arrayElement(['callId', 'state', 'remote'])]: _gone, ...rest } = event;
    return json(rest);
  },
  unknownState: (event, f) => json({ ...event, state: f.helpers.arrayElement(['RINGING', 'rining', 'hangup', '', 'ringing ', f.string.sample()]) }),
  badTime: (event, f) => json({ ...event, at: f.helpers.arrayElement(['yesterday', '2026-13-01T00:00:00Z', '2026-01-01', String(f.number.int())]) }),
  emptyCallId: (event) => json({ ...event, callId: '' }),
  notAnObject: (event, f) => ({ body: JSON.stringify(f.helpers.arrayElement([[event], 'ringing', 42, null, true])) }),
  truncated: (event, f) => {
    const text = JSON.stringify(event);
    return { body: text.slice(0, f.number.int({ min: 0, max: text.length - 1 })) };
  },
  randomBytes: (_event, f) => ({ body: Uint8Array.from({ length: f.number.int({ min: 1, max: 2_000 }) }, () => f.number.int(255)) }),
  randomText: (_event, f) => ({ body: f.string.sample({ min: 1, max: 500 }) }),
  wrongContentType: (event, f) => ({ body: JSON.stringify(event), contentType: f.helpers.arrayElement(NOT_JSON_TYPES), frame: 'binary' }),
};

export function generateFuzzCases(seed: number, count: number): FuzzCase[] {
  const f = new SimpleFaker();
  f.seed(seed);
  const names = Object.keys(MUTATIONS);
  return Array.from({ length: count }, (_, n) => {
    const via = f.datatype.boolean() ? 'http' : 'websocket';
    if (f.number.int(9) === 0) {
      return { n, via, contentType: via === 'http' ? 'application/json' : 'text', body: JSON.stringify(validEvent(`fuzz-valid-${n}`, f)), valid: true, mutation: 'none' };
    }
    const mutation = f.helpers.arrayElement(names);
    const made = MUTATIONS[mutation]!(validEvent(`fuzz-bad-${n}`, f), f);
    const contentType = via === 'http' ? (made.contentType !== undefined ? made.contentType : 'application/json') : made.frame === 'binary' || typeof made.body !== 'string' ? 'binary' : 'text';
    return { n, via, contentType, body: made.body, valid: false, mutation };
  });
}

/** The seed of this run: AGENT_DESK_FUZZ_SEED to replay one, a fresh one otherwise. */
export function fuzzSeed(): number {
  const fromEnv = process.env.AGENT_DESK_FUZZ_SEED;
  return fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
}
