/**
 * Who is calling and what they called, from an INVITE's headers. The caller comes from
 * the most trusted header present: P-Asserted-Identity (RFC 3325), else Remote-Party-ID
 * (the draft many PBXes still send), else From; the first two count only from a trusted
 * peer (sip-trust.ts). A privacy request (RFC 3323 "Privacy: id", RPID "privacy=full")
 * or an anonymous user withholds the caller, whoever sent it. When the call was
 * redirected, the line the customer first dialled is the one the card names. A header
 * that does not parse is ignored and named in `ignored`, never half-read.
 */
import type { NameAddr, SipMessage } from 'sip';

export interface SipCaller {
  /** A URI or number for the normaliser, or "anonymous". */
  remote: string;
  remoteName?: string;
  /** The number or line the customer dialled, before any redirection. */
  dialled?: string;
}

export interface IgnoredHeader {
  header: string;
  reason: string;
}

interface HeaderEntry {
  name?: string;
  uri: string;
  params: Record<string, string>;
}

const URI = /^(?:sips?|tel):[^\s<>"]+$/i;

/** Splits "a, b" lists of name-addrs without breaking inside quotes or angle brackets. */
function splitList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted && ch === '\\') i++;
    else if (ch === '"') quoted = !quoted;
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

/** A quoted-string's content with its escapes undone (RFC 3261 §25.1), or undefined when its closing quote is missing. */
function unquote(text: string): { value: string; rest: string } | undefined {
  let value = '';
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) value += text[++i];
    else if (text[i] === '"') return { value, rest: text.slice(i + 1) };
    else value += text[i];
  }
  return undefined;
}

function parseParams(text: string): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const part of text.split(';').slice(1)) {
    const [name, value = ''] = part.split('=').map((p) => p.trim());
    if (!name) return undefined;
    params[name.toLowerCase()] = value.replace(/^"|"$/g, '');
  }
  return text.trim() === '' || text.trimStart().startsWith(';') ? params : undefined;
}

/** `"Name" <uri>;params`, `Name <uri>;params` or `uri;params` (§20.10), or undefined for anything else. */
function parseEntry(text: string): HeaderEntry | undefined {
  let name: string | undefined;
  let rest = text;
  if (text.startsWith('"')) {
    const quoted = unquote(text);
    if (!quoted) return undefined;
    name = quoted.value;
    rest = quoted.rest.trimStart();
    if (!rest.startsWith('<')) return undefined;
  } else if (text.includes('<')) {
    name = text.slice(0, text.indexOf('<')).trim();
    if (/["<>]/.test(name)) return undefined;
    rest = text.slice(text.indexOf('<'));
  }
  let uri: string;
  if (rest.startsWith('<')) {
    const close = rest.indexOf('>');
    if (close === -1) return undefined;
    uri = rest.slice(1, close).trim();
    rest = rest.slice(close + 1);
  } else {
    uri = rest.split(';')[0]!.trim();
    rest = rest.slice(rest.split(';')[0]!.length);
  }
  const params = parseParams(rest);
  if (!URI.test(uri) || !params) return undefined;
  const folded = name === undefined ? undefined : foldWhitespace(name);
  return { uri, params, ...(folded ? { name: folded } : {}) };
}

/**
 * Any linear white space in a header value may be replaced by one SP (RFC 3261 §7.3.1), so a
 * tab in a display name is folded rather than left for the shared text rules to refuse the call.
 */
function foldWhitespace(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

interface Reading {
  ignored: IgnoredHeader[];
  trusted: boolean;
}

/** A header's entries; one that does not parse ignores the whole header, so a broken one cannot stand in for a good one. */
function entries(message: SipMessage, header: string, reading: Reading): HeaderEntry[] {
  const value = message.headers[header];
  if (typeof value !== 'string') return [];
  const parsed = splitList(value).map(parseEntry);
  if (parsed.length > 0 && parsed.every((e) => e !== undefined)) return parsed as HeaderEntry[];
  reading.ignored.push({ header, reason: 'does not parse' });
  return [];
}

/** An identity header's entries count only from a trusted peer; from anyone else they are noted and ignored. */
function believed(found: HeaderEntry[], header: string, reading: Reading): HeaderEntry[] {
  if (found.length === 0 || reading.trusted) return found;
  reading.ignored.push({ header, reason: 'not from a trusted peer' });
  return [];
}

function fromNameAddr(addr: NameAddr | undefined): HeaderEntry | undefined {
  if (!addr?.uri) return undefined;
  const raw = addr.name?.startsWith('"') ? unquote(addr.name)?.value : addr.name;
  const name = raw === undefined ? undefined : foldWhitespace(raw);
  return { uri: addr.uri, params: {}, ...(name ? { name } : {}) };
}

const userOf = (uri: string) => /^(?:sips?|tel):([^@;?]+)/i.exec(uri)?.[1];
const isAnonymous = (entry: HeaderEntry | undefined) =>
  entry !== undefined && (/^sips?:anonymous@/i.test(entry.uri) || /anonymous\.invalid/i.test(entry.uri) || /^anonymous$/i.test(entry.name ?? ''));

/** PAI may carry a sip: and a tel: identity (RFC 3325 §9.1): the tel: one is the number, either may carry the name. */
function assertedIdentity(message: SipMessage, reading: Reading): HeaderEntry | undefined {
  const asserted = believed(entries(message, 'p-asserted-identity', reading), 'p-asserted-identity', reading);
  const chosen = asserted.find((e) => /^tel:/i.test(e.uri)) ?? asserted[0];
  const name = asserted.find((e) => e.name)?.name;
  return chosen && { ...chosen, ...(name ? { name } : {}) };
}

/** The first target of a redirected call: History-Info's first entry (RFC 7044), else Diversion's last (RFC 5806). */
function originalTarget(message: SipMessage, reading: Reading): string | undefined {
  const history = entries(message, 'history-info', reading);
  if (history.length > 1) return userOf(history[0]!.uri.split('?')[0]!);
  const diversion = entries(message, 'diversion', reading);
  return diversion.length > 0 ? userOf(diversion.at(-1)!.uri) : undefined;
}

/** The caller of an INVITE; `fromTrustedPeer` says whether its identity headers may be believed. */
export function callerOf(invite: SipMessage, fromTrustedPeer: boolean): { caller: SipCaller; ignored: IgnoredHeader[] } {
  const reading: Reading = { ignored: [], trusted: fromTrustedPeer };
  const privacy = typeof invite.headers.privacy === 'string' ? invite.headers.privacy.toLowerCase().split(/[;,\s]+/) : [];
  // RPID's privacy is honoured from anyone: withholding a number never shows the wrong customer.
  const rpid = entries(invite, 'remote-party-id', reading).filter((e) => (e.params.party ?? 'calling') === 'calling');
  const rpidPrivacy = rpid.some((e) => e.params.privacy === 'full' || e.params.privacy === 'name');
  const identity = assertedIdentity(invite, reading) ?? believed(rpid, 'remote-party-id', reading)[0] ?? fromNameAddr(invite.headers.from);
  const withheld = privacy.includes('id') || privacy.includes('user') || rpidPrivacy || !identity || isAnonymous(identity);
  const dialled = originalTarget(invite, reading) ?? userOf(invite.headers.to?.uri ?? '');
  const caller: SipCaller = {
    remote: withheld ? 'anonymous' : identity.uri,
    ...(!withheld && identity.name ? { remoteName: identity.name } : {}),
    // A user part may escape the "+" of an E.164 number (%2B); nothing else in one needs decoding for display.
    ...(dialled ? { dialled: dialled.replace(/%2B/gi, '+') } : {}),
  };
  return { caller, ignored: reading.ignored };
}
