/**
 * Generated SIP messages for the fuzz pass: valid INVITEs in many legal shapes, and
 * mutations of them that the desk must refuse or drop. Whether a case may pop a card is
 * decided here, by construction, so the pass can assert exactly: a valid case's Call-ID
 * holds "fz-ok-", every other case's (when it still has one) holds "fz-bad-", and only
 * the valid ones may pop. Seeded: the same seed gives the same cases, byte for byte.
 */
import { seededRandom } from '../../shared/seeded-random.js';

export type Transport = 'udp' | 'tcp';

export interface FuzzCase {
  index: number;
  transport: Transport;
  bytes: Buffer;
  /** May pop a card: a valid INVITE. */
  valid: boolean;
  callId: string;
  /** What was done to it, for a failure's message. */
  shape: string;
  /** TCP only: whether the desk can still read the stream after it (else it goes on a connection of its own). */
  keepsFraming: boolean;
  /** A valid INVITE's CANCEL (RFC 3261 §9.1), and the ACK of the 487 that answers it, given that 487's To tag. */
  end?: { cancel: Buffer; ack(toTag: string): Buffer };
}

interface Header {
  name: string;
  value: string;
}

interface Draft {
  startLine: string;
  headers: Header[];
  body: string;
  /** Leading CRLFs (§7.5 allows them; RFC 5626 uses them as keepalives). */
  prefix: string;
}

const NAMES = ['Иван Петров', 'Щастлива Ъгълова', 'Фёдор Воробьёв', 'Євгенія Ґонта', 'Łukasz Żółć', 'François Lefèvre', 'Anna Kowalska', 'O\'Brien \\"Jr\\"'];
const COMPACT: Record<string, string> = { 'Call-ID': 'i', From: 'f', To: 't', Via: 'v', 'Content-Length': 'l', Contact: 'm', 'Content-Type': 'c' };
const SINGLE = ['Call-ID', 'CSeq', 'From', 'To', 'Content-Length', 'Max-Forwards'];
const MANDATORY = ['Via', 'From', 'To', 'Call-ID', 'CSeq'];
const SDP = ['v=0', 'o=pbx 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 4000 RTP/AVP 0 8', 'a=rtpmap:0 PCMU/8000', ''].join('\r\n');
/** Under the desk's UDP datagram size with room for the rest of the message. */
const HUGE_HEADER_BYTES = 40_000;

/**
 * What the messages name as the desk and as their sender. Fixed rather than the run's real
 * ports, so a seed replays the same bytes on any run: the desk answers to where a message
 * came from (the datagram's source, the TCP connection), not to these names.
 */
const DESK = 'sip:1001@127.0.0.1';
const SENT_BY = 'pbx.fuzz.invalid:5060';

export function generateCases(seed: number, count: number): FuzzCase[] {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => random() < p;

  function baseInvite(index: number, transport: Transport, callId: string): { draft: Draft; shape: string[] } {
    const shape: string[] = [];
    const name = chance(0.8) ? pick(NAMES) : undefined;
    let from = `${name ? `"${name}" ` : ''}<sip:+3598881${String(int(0, 99_999)).padStart(5, '0')}@pbx.fuzz>;tag=ft${index}`;
    if (name && chance(0.15)) {
      // §7.3.1 folding inside the display name: CRLF and whitespace read as one space.
      from = from.replace(' ', '\r\n  ');
      shape.push('folded From');
    }
    const headers: Header[] = [
      { name: 'Via', value: `SIP/2.0/${transport.toUpperCase()} ${SENT_BY};branch=z9hG4bK-fz-${seed}-${index}${chance(0.5) ? ';rport' : ''}` },
      { name: 'From', value: from },
      { name: 'To', value: `<${DESK}>` },
      { name: 'Call-ID', value: callId },
      { name: 'CSeq', value: `${int(1, 2_000_000)} INVITE` },
      { name: 'Max-Forwards', value: String(int(1, 70)) },
      { name: 'Contact', value: `<sip:pbx@${SENT_BY}>` },
    ];
    if (chance(0.3)) headers.push({ name: 'Supported', value: 'timer, replaces' });
    if (chance(0.3)) headers.push({ name: 'X-Fuzz', value: `value ; odd = spacing ;; ${int(0, 1e6)}` });
    if (chance(0.2)) headers.push({ name: 'Allow', value: 'INVITE, ACK, CANCEL, BYE, OPTIONS' });
    const withSdp = chance(0.4);
    if (withSdp) headers.push({ name: 'Content-Type', value: 'application/sdp' });
    headers.push({ name: 'Content-Length', value: '' });
    if (chance(0.3)) {
      for (let i = headers.length - 1; i > 1; i--) {
        const j = int(1, i);
        [headers[i], headers[j]] = [headers[j]!, headers[i]!];
      }
      shape.push('headers reordered');
    }
    if (chance(0.3)) {
      for (const h of headers) if (COMPACT[h.name] && chance(0.5)) h.name = COMPACT[h.name]!;
      shape.push('compact names');
    }
    if (chance(0.2)) {
      for (const h of headers) h.name = [...h.name].map((c) => (chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join('');
      shape.push('mixed-case names');
    }
    return { draft: { startLine: `INVITE ${DESK} SIP/2.0`, headers, body: withSdp ? SDP : '', prefix: chance(0.05) ? '\r\n\r\n' : '' }, shape };
  }

  const is = (h: Header, name: string) => h.name.toLowerCase() === name.toLowerCase() || h.name.toLowerCase() === COMPACT[name];

  function serialise(draft: Draft, contentLength?: string): Buffer {
    const body = Buffer.from(draft.body);
    const lines = draft.headers.map((h) => `${h.name}: ${is(h, 'Content-Length') && h.value === '' ? (contentLength ?? String(body.length)) : h.value}`);
    return Buffer.concat([Buffer.from(`${draft.prefix}${[draft.startLine, ...lines].join('\r\n')}\r\n\r\n`), body]);
  }

  const isLineBreak = (byte: number | undefined) => byte === 0x0d || byte === 0x0a;
  const headStart = (bytes: Buffer) => {
    let i = 0;
    while (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i += 2;
    return i;
  };
  /** §9.1 and §17.1.1.3: CANCEL and ACK copy the INVITE's Request-URI, top Via, From, To, Call-ID and CSeq number. */
  function endOf(draft: Draft): NonNullable<FuzzCase['end']> {
    const copied = ['Via', 'From', 'To', 'Call-ID', 'Max-Forwards', 'Content-Length'];
    const cseq = draft.headers.find((h) => is(h, 'CSeq'))!;
    const request = (method: string, toTag?: string): Draft => ({
      startLine: draft.startLine.replace('INVITE', method),
      headers: [
        ...draft.headers.filter((h) => copied.some((name) => is(h, name))).map((h) => (toTag && is(h, 'To') ? { ...h, value: `${h.value};tag=${toTag}` } : h)),
        { ...cseq, value: cseq.value.replace('INVITE', method) },
      ],
      body: '',
      prefix: '',
    });
    return { cancel: serialise(request('CANCEL')), ack: (toTag) => serialise(request('ACK', toTag)) };
  }

  const headEnd = (bytes: Buffer) => bytes.indexOf('\r\n\r\n', headStart(bytes));

  type Mutation = (draft: Draft, transport: Transport, callId: string) => { bytes: Buffer; shape: string; keepsFraming: boolean };
  const keep = (draft: Draft, shape: string) => ({ bytes: serialise(draft), shape, keepsFraming: true });

  /** Each of these leaves a message the desk must not ring for. */
  const mutations: Mutation[] = [
    (d) => {
      const bytes = serialise(d);
      return { bytes: bytes.subarray(0, int(headStart(bytes), headEnd(bytes) + 3)), shape: 'truncated in the headers', keepsFraming: false };
    },
    (d) => {
      d.body = SDP;
      const bytes = serialise(d);
      return { bytes: bytes.subarray(0, int(headEnd(bytes) + 5, bytes.length - 1)), shape: 'truncated in the body', keepsFraming: false };
    },
    (d) => {
      const name = pick(MANDATORY);
      d.headers = d.headers.filter((h) => !is(h, name));
      return keep(d, `without ${name}`);
    },
    (d) => {
      const name = pick(SINGLE);
      const header = d.headers.find((h) => is(h, name))!;
      d.headers.splice(int(0, d.headers.length), 0, name === 'Content-Length' ? { ...header } : { ...header, value: name === 'Call-ID' ? `${header.value}-two` : header.value });
      return keep(d, `two ${name}`);
    },
    (d) => {
      const bytes = serialise(d);
      const end = headEnd(bytes);
      let start = int(headStart(bytes), end - 1);
      while (isLineBreak(bytes[start])) start--;
      const length = Math.min(int(1, 40), end - start);
      // The line breaks stay where they are; what is on the lines does not. One draw per byte either way, so a seed replays.
      for (let i = start; i < start + length; i++) {
        const byte = int(0, 255);
        if (!isLineBreak(bytes[i])) bytes[i] = byte;
      }
      // 0xFF never occurs in UTF-8: whatever else the random bytes did, the head is not UTF-8, so the desk must refuse it.
      bytes[start] = 0xff;
      return { bytes, shape: `random bytes at ${start}+${length}`, keepsFraming: false };
    },
    (d) => {
      const from = d.headers.find((h) => is(h, 'From'))!;
      from.value = `"${pick(['Щ', 'a', 'ż'] as const).repeat(int(201, 3_000))}" <sip:+359888123456@pbx.fuzz>;tag=huge`;
      return keep(d, 'huge display name');
    },
    (d, _t, callId) => {
      d.headers.find((h) => is(h, 'Call-ID'))!.value = `${callId}-${'x'.repeat(int(129, 4_000))}`;
      return keep(d, 'huge Call-ID');
    },
    (d) => {
      d.headers.find((h) => is(h, 'To'))!.value = `<sip:${'1'.repeat(int(513, 3_000))}@127.0.0.1>`;
      return keep(d, 'huge dialled number');
    },
    (d) => {
      d.headers.push({ name: 'X-Huge', value: 'h'.repeat(HUGE_HEADER_BYTES) });
      return { bytes: serialise(d), shape: 'header block over the bound', keepsFraming: false };
    },
    (d) => ({ bytes: serialise(d, pick(['abc', '-5', '99999999', '1e3', ' '])), shape: 'bad Content-Length', keepsFraming: false }),
    (d) => {
      d.headers.find((h) => is(h, 'CSeq'))!.value = pick(['1 OPTIONS', 'x INVITE', '99999999999 INVITE', 'INVITE']);
      return keep(d, 'bad CSeq');
    },
    (d) => {
      d.headers.push({ name: 'Require', value: pick(['100rel', 'x-fuzz-ext', 'timer, precondition']) });
      return keep(d, 'unsupported Require');
    },
    (d) => {
      d.startLine = d.startLine.replace('SIP/2.0', pick(['SIP/3.0', 'SIP/1.0']));
      return keep(d, 'other SIP version');
    },
    (d) => {
      d.headers.find((h) => is(h, 'From'))!.value = '"Unclosed <sip:+359888123456@pbx.fuzz>;tag=q';
      return keep(d, 'unclosed quote in From');
    },
    (d) => {
      d.headers.find((h) => is(h, 'To'))!.value += ';tag=no-such-dialog';
      return keep(d, 're-INVITE for no dialog');
    },
    (d) => {
      d.startLine = d.startLine.replace('INVITE', pick(['OPTIONS', 'MESSAGE', 'BYE', 'CANCEL', 'SUBSCRIBE']));
      const cseq = d.headers.find((h) => is(h, 'CSeq'))!;
      cseq.value = cseq.value.replace('INVITE', d.startLine.split(' ')[0]!);
      return keep(d, 'not an INVITE');
    },
    (d) => {
      d.startLine = `SIP/2.0 ${pick([180, 200, 486])} Stray`;
      return keep(d, 'stray response');
    },
    (d) => {
      d.startLine = d.startLine.replace('sip:1001@', pick(['nosuchscheme:1001@', '<sip:1001@']));
      return keep(d, 'bad Request-URI');
    },
    // One write of thousands of empty "messages": what overflowed the stack of the sip package's stream parser.
    () => ({ bytes: Buffer.from('X\r\n\r\n'.repeat(int(100, 12_000))), shape: 'a flood of empty messages', keepsFraming: false }),
  ];

  const cases: FuzzCase[] = [];
  for (let index = 0; index < count; index++) {
    const transport: Transport = chance(0.5) ? 'udp' : 'tcp';
    const valid = chance(0.15);
    const callId = `fz-${valid ? 'ok' : 'bad'}-${seed}-${index}@fuzz.test`;
    const { draft, shape } = baseInvite(index, transport, callId);
    if (valid) {
      // Over UDP a body runs to the datagram's end, so a missing Content-Length is still a valid message (§18.3).
      if (transport === 'udp' && chance(0.1)) {
        draft.headers = draft.headers.filter((h) => !is(h, 'Content-Length'));
        shape.push('no Content-Length');
      }
      cases.push({ index, transport, bytes: serialise(draft), valid, callId, shape: ['valid', ...shape].join(', '), keepsFraming: true, end: endOf(draft) });
      continue;
    }
    const mutated = pick(mutations)(draft, transport, callId);
    cases.push({ index, transport, valid, callId, ...mutated, shape: [mutated.shape, ...shape].join(', ') });
  }
  return cases;
}
