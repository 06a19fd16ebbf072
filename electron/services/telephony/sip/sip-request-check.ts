/**
 * RFC 3261 checks the `sip` package leaves to its user: it parses leniently, and a
 * request it accepted can still be one the desk must refuse rather than act on.
 * Returns the error response to send, or null for a request fit to handle.
 */
import type { NameAddr, SipMessage } from 'sip';

export interface RequestProblem {
  status: number;
  reason: string;
  /** Headers the response must carry, e.g. Unsupported with a 420. */
  headers?: Record<string, string>;
}

const MAX_CSEQ = 2 ** 31 - 1;

/** The option tags (RFC 3261 §19.2) this endpoint implements: none, it never answers and never sends a reliable 1xx. */
const SUPPORTED_EXTENSIONS = new Set<string>();

/** A From or To the package parsed without choking can still be garbage: an unclosed quote leaves a "URI" such as `"Ivan`. */
const malformedAddress = (addr: NameAddr | undefined) =>
  !addr || !/^(sips?|tel):\S+$/i.test(addr.uri) || ((addr.name ?? '').match(/(?<!\\)"/g)?.length ?? 0) % 2 === 1;

/** §8.2.2.3: every Require option tag the UAS lacks is named in a 420's Unsupported; CANCEL and ACK are exempt. */
function unsupportedRequirements(request: SipMessage): string[] {
  if (request.method === 'CANCEL' || request.method === 'ACK') return [];
  const required = typeof request.headers.require === 'string' ? request.headers.require : '';
  return required
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '' && !SUPPORTED_EXTENSIONS.has(tag.toLowerCase()));
}

export function requestProblem(request: SipMessage): RequestProblem | null {
  if (request.version !== '2.0') return { status: 505, reason: 'Version Not Supported' };
  if (typeof request.uri !== 'string' || !/^(sips?|tel):[^\s<>]+$/i.test(request.uri)) return { status: 416, reason: 'Unsupported URI Scheme' };
  const { cseq } = request.headers;
  if (!Number.isSafeInteger(cseq.seq) || cseq.seq < 0 || cseq.seq > MAX_CSEQ) return { status: 400, reason: 'Bad CSeq Number' };
  if (cseq.method !== request.method) return { status: 400, reason: 'CSeq Method Does Not Match' };
  if (malformedAddress(request.headers.from) || malformedAddress(request.headers.to)) return { status: 400, reason: 'Malformed From or To' };
  const unsupported = unsupportedRequirements(request);
  if (unsupported.length > 0) return { status: 420, reason: 'Bad Extension', headers: { unsupported: unsupported.join(', ') } };
  return null;
}
