/**
 * RFC 3261 checks the `sip` package leaves to its user: it parses leniently, and a
 * request it accepted can still be one the desk must refuse rather than act on.
 * Returns the error response to send, or null for a request fit to handle.
 */
import type { NameAddr, SipMessage } from 'sip';

export interface RequestProblem {
  status: number;
  reason: string;
}

const MAX_CSEQ = 2 ** 31 - 1;

/** A From or To the package parsed without choking can still be garbage: an unclosed quote leaves a "URI" such as `"Ivan`. */
const malformedAddress = (addr: NameAddr | undefined) =>
  !addr || !/^(sips?|tel):\S+$/i.test(addr.uri) || ((addr.name ?? '').match(/(?<!\\)"/g)?.length ?? 0) % 2 === 1;

export function requestProblem(request: SipMessage): RequestProblem | null {
  if (request.version !== '2.0') return { status: 505, reason: 'Version Not Supported' };
  if (typeof request.uri !== 'string' || !/^(sips?|tel):[^\s<>]+$/i.test(request.uri)) return { status: 416, reason: 'Unsupported URI Scheme' };
  const { cseq } = request.headers;
  if (!Number.isSafeInteger(cseq.seq) || cseq.seq < 0 || cseq.seq > MAX_CSEQ) return { status: 400, reason: 'Bad CSeq Number' };
  if (cseq.method !== request.method) return { status: 400, reason: 'CSeq Method Does Not Match' };
  // Over UDP the package trims the body to what arrived; a header claiming more (or less than nothing) is a broken message.
  const declared = request.headers['content-length'];
  if (declared !== undefined && declared !== Buffer.byteLength(request.content ?? '', 'latin1')) return { status: 400, reason: 'Content-Length Mismatch' };
  if (malformedAddress(request.headers.from) || malformedAddress(request.headers.to)) return { status: 400, reason: 'Malformed From or To' };
  return null;
}
