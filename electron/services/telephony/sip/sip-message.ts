/**
 * A framed message's bytes to the `sip` package's message object, with the checks of
 * RFC 3261 §7.3.1 that the package skips: the head is UTF-8 (the package decoded it as
 * latin1 and garbled every name that is not ASCII), folded lines are unfolded (CRLF and
 * the whitespace after it are one space; the package kept the CRLF in the value), and a
 * header that may appear once appears once (the package merged two Call-IDs into one).
 */
import * as sip from 'sip';
import type { FramedMessage } from './sip-framing.js';
import type { RequestProblem } from './sip-request-check.js';

export interface ReadMessage {
  message: sip.SipMessage;
  /** Why a request must be refused although it read well enough to be answered; null when none. */
  problem: RequestProblem | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

const COMPACT: Record<string, string> = { i: 'call-id', m: 'contact', e: 'content-encoding', l: 'content-length', c: 'content-type', f: 'from', s: 'subject', k: 'supported', t: 'to', v: 'via' };

/** Headers whose grammar is not a comma list (§7.3.1): a second one is a broken message, not a second value. */
const SINGLE: Record<string, string> = {
  'call-id': 'Call-ID',
  cseq: 'CSeq',
  from: 'From',
  to: 'To',
  'content-length': 'Content-Length',
  'max-forwards': 'Max-Forwards',
};

/** Control characters other than HTAB have no place in a head (§25.1: TEXT-UTF8 excludes CTLs). */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole job
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

const bad = (reason: string): RequestProblem => ({ status: 400, reason });

function decodeHead(head: Buffer): { text: string; problem: RequestProblem | null } {
  try {
    return { text: utf8.decode(head), problem: null };
  } catch {
    // Decoded again with replacement characters only so the request can still be answered.
    return { text: lenientUtf8.decode(head), problem: bad('Headers Not UTF-8') };
  }
}

/** Lines of a head with folded continuations joined into the line they continue. */
function unfold(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split('\r\n')) {
    if (/^[ \t]/.test(line) && lines.length > 0) lines[lines.length - 1] = `${lines.at(-1)!.trimEnd()} ${line.trimStart()}`;
    else lines.push(line);
  }
  return lines;
}

function duplicateHeader(lines: string[]): string | undefined {
  const seen = new Set<string>();
  for (const line of lines.slice(1)) {
    const raw = /^([^:\s]+)\s*:/.exec(line)?.[1]?.toLowerCase();
    if (raw === undefined) continue;
    const name = COMPACT[raw] ?? raw;
    if (!(name in SINGLE)) continue;
    if (seen.has(name)) return SINGLE[name];
    seen.add(name);
  }
  return undefined;
}

/** The package's own test of a message it can route (its checkMessage): without these nothing can even be answered. */
function routable(m: sip.SipMessage): boolean {
  const { headers } = m;
  return Array.isArray(headers.via) && headers.via.length > 0 && Boolean(headers['call-id'] && headers.to && headers.from && headers.cseq);
}

/**
 * The message, or undefined when it does not read as SIP or lacks what a response needs
 * (Via, Call-ID, From, To, CSeq). `framingProblem` is a problem the transport found (a
 * UDP body shorter than its Content-Length).
 */
export function readMessage({ head, body }: FramedMessage, framingProblem?: string): ReadMessage | undefined {
  const decoded = decodeHead(head);
  const lines = unfold(decoded.text);
  let problem = framingProblem ? bad(framingProblem) : decoded.problem;
  if (!problem && lines.some((line) => CONTROL.test(line))) problem = bad('Control Character In Headers');
  const duplicate = duplicateHeader(lines);
  if (!problem && duplicate) problem = bad(`Duplicate ${duplicate} Header`);

  const message = sip.parse(`${lines.join('\r\n')}\r\n\r\n`);
  if (!message || !routable(message)) return undefined;
  // The desk reads no body; latin1 keeps its bytes one to one for a message that is passed on.
  message.content = body.toString('latin1');
  return { message, problem };
}
