/**
 * Where one SIP message ends and the next begins (RFC 3261 §18.3): the head runs to the
 * first blank line, the body is exactly Content-Length bytes. Written here rather than
 * left to the `sip` package, whose stream parser recursed once per message (a stack
 * overflow on one write of many tiny messages) and kept every byte after a
 * Content-Length that is not a number. Works on bytes, so Content-Length counts bytes
 * whatever the text is; nothing here decodes text.
 */
import type { SipLimits } from './sip-limits.js';

/** A message's bytes: head (start line and headers, without the blank line) and body. */
export interface FramedMessage {
  head: Buffer;
  body: Buffer;
}

const BLANK_LINE = Buffer.from('\r\n\r\n');
const CR = 0x0d;
const LF = 0x0a;
/** Content-Length = 1*DIGIT (§20.14); more than nine digits is past any bound here anyway. */
const DIGITS = /^\d{1,9}$/;
const CONTENT_LENGTH_LINE = /^(?:content-length|l)[ \t]*:(.*)$/i;
/** Just enough of a start line to tell a SIP stream from another protocol or noise; the parser checks the rest. */
const START_LINE = /^(?:[!-~]+ [!-~]+ SIP\/[!-~]+|SIP\/[!-~]+ \d{3}(?: .*)?)$/;

type Declared = { kind: 'absent' } | { kind: 'length'; value: number } | { kind: 'invalid'; reason: string };

/** The Content-Length a head declares. Several with one value frame the same way (sip-message.ts refuses the duplicate). */
function declaredContentLength(head: Buffer): Declared {
  // latin1 maps each byte to one character, so the ASCII names and digits are found whatever else the head holds.
  const lines = head.toString('latin1').replace(/\r\n[ \t]+/g, ' ').split('\r\n');
  const values = new Set(lines.flatMap((line) => CONTENT_LENGTH_LINE.exec(line)?.[1]?.trim() ?? []));
  if (values.size === 0) return { kind: 'absent' };
  if (values.size > 1) return { kind: 'invalid', reason: 'Content-Length headers that disagree' };
  const value = [...values][0]!;
  if (!DIGITS.test(value)) return { kind: 'invalid', reason: 'Content-Length is not a number' };
  return { kind: 'length', value: Number(value) };
}

/** Leading CRLFs are keepalives (RFC 5626 §3.5.1) or padding (§7.5): skipped, never a message. */
function skipBlankLines(data: Buffer): Buffer {
  let start = 0;
  while (data[start] === CR && data[start + 1] === LF) start += 2;
  return data.subarray(start);
}

const firstLine = (head: Buffer) => {
  const end = head.indexOf('\r\n');
  return head.subarray(0, end === -1 ? head.length : end).toString('latin1');
};

export type DatagramFrame = { kind: 'message'; message: FramedMessage; problem?: string } | { kind: 'dropped'; reason: string };

/**
 * One UDP datagram: its body is Content-Length bytes and anything after it is discarded
 * (§18.3), so a second message in the same datagram is never read. A body shorter than
 * declared is a problem to answer with 400; a datagram that is not SIP is dropped.
 */
export function frameDatagram(datagram: Buffer, limits: Pick<SipLimits, 'maxHeaderBytes'>): DatagramFrame {
  const data = skipBlankLines(datagram);
  const end = data.indexOf(BLANK_LINE);
  if (end === -1) return { kind: 'dropped', reason: 'no blank line after the headers' };
  if (end > limits.maxHeaderBytes) return { kind: 'dropped', reason: `a header block over ${limits.maxHeaderBytes} bytes` };
  const head = data.subarray(0, end);
  if (!START_LINE.test(firstLine(head))) return { kind: 'dropped', reason: 'a start line that is not SIP' };
  const rest = data.subarray(end + BLANK_LINE.length);
  const declared = declaredContentLength(head);
  if (declared.kind === 'absent') return { kind: 'message', message: { head, body: rest } };
  if (declared.kind === 'invalid') return { kind: 'message', message: { head, body: Buffer.alloc(0) }, problem: declared.reason };
  if (declared.value > rest.length) return { kind: 'message', message: { head, body: rest }, problem: 'Body shorter than its Content-Length' };
  return { kind: 'message', message: { head, body: rest.subarray(0, declared.value) } };
}

export interface StreamFramer {
  /** Takes the next bytes read; calls back for each whole message, or once for the violation that ends the stream. */
  push(chunk: Buffer): void;
}

/**
 * A TCP byte stream cut into messages. A stream that breaks the framing (no blank line
 * within the header bound, a Content-Length missing, not a number or over the bound, a
 * start line that is not SIP, too many messages in one read) cannot be resynchronised,
 * so the violation is reported once and nothing more is read from it.
 */
export function createStreamFramer(
  limits: Pick<SipLimits, 'maxHeaderBytes' | 'maxContentLength' | 'maxMessagesPerRead'>,
  onMessage: (message: FramedMessage) => void,
  onViolation: (reason: string) => void,
): StreamFramer {
  let pending: Buffer = Buffer.alloc(0);
  let awaiting: { head: Buffer; length: number } | null = null;
  let broken = false;

  function violate(reason: string): undefined {
    broken = true;
    pending = Buffer.alloc(0);
    onViolation(reason);
    return undefined;
  }

  /** The next whole message in `pending`, null when more bytes are needed, undefined after a violation. */
  function next(): FramedMessage | null | undefined {
    if (!awaiting) {
      pending = skipBlankLines(pending);
      const end = pending.indexOf(BLANK_LINE);
      if (end === -1) {
        if (pending.length > limits.maxHeaderBytes) return violate(`no blank line within ${limits.maxHeaderBytes} bytes`);
        return null;
      }
      if (end > limits.maxHeaderBytes) return violate(`a header block over ${limits.maxHeaderBytes} bytes`);
      const head = Buffer.from(pending.subarray(0, end));
      if (!START_LINE.test(firstLine(head))) return violate('a start line that is not SIP');
      const declared = declaredContentLength(head);
      // §18.3: on a stream the Content-Length is what frames the message; without it the next message cannot be found.
      if (declared.kind === 'absent') return violate('a message without Content-Length');
      if (declared.kind === 'invalid') return violate(declared.reason);
      if (declared.value > limits.maxContentLength) return violate(`a Content-Length over ${limits.maxContentLength}`);
      awaiting = { head, length: declared.value };
      pending = pending.subarray(end + BLANK_LINE.length);
    }
    if (pending.length < awaiting.length) return null;
    const message = { head: awaiting.head, body: Buffer.from(pending.subarray(0, awaiting.length)) };
    pending = pending.subarray(awaiting.length);
    awaiting = null;
    return message;
  }

  return {
    push(chunk) {
      if (broken) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (let count = 1; ; count++) {
        const message = next();
        if (!message) return;
        if (count > limits.maxMessagesPerRead) return violate(`more than ${limits.maxMessagesPerRead} messages in one read`);
        onMessage(message);
        if (broken) return;
      }
    },
  };
}
