/**
 * Who is calling and what they called, from an INVITE's headers. The caller comes from
 * the most trusted header present: P-Asserted-Identity (RFC 3325), else Remote-Party-ID
 * (the draft many PBXes still send), else From. A privacy request (RFC 3323 "Privacy:
 * id", RPID "privacy=full") or an anonymous user withholds the caller. When the call was
 * redirected, the line the customer first dialled is the one the card names.
 */
import type { NameAddr, SipMessage } from 'sip';

export interface SipCaller {
  /** A URI or number for the normaliser, or "anonymous". */
  remote: string;
  remoteName?: string;
  /** The number or line the customer dialled, before any redirection. */
  dialled?: string;
}

interface HeaderEntry {
  name?: string;
  uri: string;
  params: Record<string, string>;
}

/** Splits "a, b" lists of name-addrs without breaking inside quotes or angle brackets. */
function splitList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"' && value[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && ch === '<') depth++;
    else if (!quoted && ch === '>') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === ',') {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function parseEntry(text: string): HeaderEntry | undefined {
  const bracketed = /^(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^>]*)>(.*)$/.exec(text);
  const [name, uri, rest] = bracketed
    ? [bracketed[1] ?? bracketed[2], bracketed[3]!, bracketed[4]!]
    : [undefined, text.split(';')[0]!, text.slice(text.split(';')[0]!.length)];
  if (!uri) return undefined;
  const params = Object.fromEntries(
    rest
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => [p.split('=')[0]!.toLowerCase(), (p.split('=')[1] ?? '').replace(/^"|"$/g, '')]),
  );
  const trimmedName = name?.replace(/\\(.)/g, '$1').trim();
  return { uri: uri.trim(), params, ...(trimmedName ? { name: trimmedName } : {}) };
}

function entries(message: SipMessage, header: string): HeaderEntry[] {
  const value = message.headers[header];
  if (typeof value !== 'string') return [];
  return splitList(value).flatMap((part) => parseEntry(part) ?? []);
}

function fromNameAddr(addr: NameAddr | undefined): HeaderEntry | undefined {
  if (!addr?.uri) return undefined;
  return { uri: addr.uri, params: {}, ...(addr.name ? { name: addr.name.replace(/^"|"$/g, '') } : {}) };
}

const userOf = (uri: string) => /^(?:sips?|tel):([^@;?]+)/i.exec(uri)?.[1];
const isAnonymous = (entry: HeaderEntry | undefined) =>
  entry !== undefined && (/^sips?:anonymous@/i.test(entry.uri) || /anonymous\.invalid/i.test(entry.uri) || /^anonymous$/i.test(entry.name ?? ''));

/** PAI may carry a sip: and a tel: identity (RFC 3325 §9.1): the tel: one is the number, either may carry the name. */
function assertedIdentity(message: SipMessage): HeaderEntry | undefined {
  const asserted = entries(message, 'p-asserted-identity');
  const chosen = asserted.find((e) => /^tel:/i.test(e.uri)) ?? asserted[0];
  const name = asserted.find((e) => e.name)?.name;
  return chosen && { ...chosen, ...(name ? { name } : {}) };
}

/** The first target of a redirected call: History-Info's first entry (RFC 7044), else Diversion's last (RFC 5806). */
function originalTarget(message: SipMessage): string | undefined {
  const history = entries(message, 'history-info');
  if (history.length > 1) return userOf(history[0]!.uri.split('?')[0]!);
  const diversion = entries(message, 'diversion');
  return diversion.length > 0 ? userOf(diversion.at(-1)!.uri) : undefined;
}

export function callerOf(invite: SipMessage): SipCaller {
  const privacy = typeof invite.headers.privacy === 'string' ? invite.headers.privacy.toLowerCase().split(/[;,\s]+/) : [];
  const rpid = entries(invite, 'remote-party-id').find((e) => (e.params.party ?? 'calling') === 'calling');
  const identity = assertedIdentity(invite) ?? rpid ?? fromNameAddr(invite.headers.from);
  const privacyAsked = privacy.includes('id') || privacy.includes('user') || rpid?.params.privacy === 'full' || rpid?.params.privacy === 'name';
  const withheld = privacyAsked || !identity || isAnonymous(identity);
  const dialled = originalTarget(invite) ?? userOf(invite.headers.to?.uri ?? '');
  return {
    remote: withheld ? 'anonymous' : identity.uri,
    ...(!withheld && identity.name ? { remoteName: identity.name } : {}),
    // A user part may escape the "+" of an E.164 number (%2B); nothing else in one needs decoding for display.
    ...(dialled ? { dialled: dialled.replace(/%2B/gi, '+') } : {}),
  };
}
