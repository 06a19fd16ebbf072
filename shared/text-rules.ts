/**
 * The one place every text field's bound and character rule is declared. Each schema
 * in shared/ builds its text fields from here, so the desk (at input), the hub (at
 * push and import) and every telephony adapter refuse the same text the same way, and
 * nothing a desk stores is refused by the hub later.
 */
import { z } from 'zod';

/** Longest text each kind of field takes, in UTF-16 code units (what `String.length` and zod count). */
export const TEXT_BOUNDS = {
  /** Record ids: desk UUIDs, agent ids. */
  id: 64,
  /** The key a record has in the ERP or helpdesk feed it was imported from; the hub keeps it, desks never see it. */
  externalId: 100,
  /** A SIP Call-ID or an Asterisk Linkedid: RFC 3261 sets no limit, real PBXes stay far under this. */
  callId: 128,
  /** A number as a bridge received it: a SIP URI with its parameters, a tel: URI, "anonymous". */
  remoteAsReceived: 512,
  /** A caller's display name, or a customer's name as the board shows it. */
  displayName: 200,
  /** A PBX's names for things: a queue, a member interface ("PJSIP/1001"), a member's name, a pause reason. */
  pbxName: 100,
  personName: 100,
  /** A customer as a card names them: a person's first and last names, or a company. */
  customerLabel: 300,
  company: 200,
  email: 200,
  customerNumber: 32,
  /** Industry, source: a word or two from a CRM's picklist. */
  category: 100,
  tag: 50,
  orderNumber: 100,
  product: 200,
  ticketSubject: 500,
  /** 500 notes of this length still fit the hub's body limit. */
  note: 10_000,
  dispositionCode: 40,
  dispositionLabel: 80,
  breakReason: 60,
  username: 64,
  password: 200,
  searchQuery: 200,
  /** A follow-up day as the operator is still typing it, kept in a draft before it is a date. */
  typedDay: 32,
  /** A request's name or an error's code or sentence key, as a screen reports a failure to its desk. */
  problemCode: 64,
  /** The English words of a failure a screen reports to its desk's log. */
  problemMessage: 1_000,
} as const;
export type TextField = keyof typeof TEXT_BOUNDS;

/**
 * Single-line text takes no control character at all (C0, DEL, C1: Unicode's Cc). A NUL
 * ends a string in PostgreSQL (which refuses it) and in SQLite's FTS5 parser; ESC
 * sequences repaint a terminal reading a log; a line break in a name splits log lines
 * and CSV exports.
 */
const SINGLE_LINE = /^\P{Cc}*$/u;
/**
 * Multi-line text (a note) also takes tab, LF and CR: an operator pastes lists and
 * paragraphs, and CR because text from Windows arrives as CRLF and is harmless. Every
 * other control character is as dangerous here as in a single line.
 */
const MULTI_LINE = /^(?:[\t\n\r]|\P{Cc})*$/u;

/** The issue message of a refused control character; the desk turns it into the operator's sentence. */
export const CONTROL_CHARACTERS = 'has a control character (such as NUL or ESC) that text may not hold';

/** Text over its bound is refused without reading it for control characters: a 7 MiB note costs a length check, not a scan. */
const bounded = (field: TextField) => z.string().max(TEXT_BOUNDS[field], { abort: true });

export function singleLineText(field: TextField) {
  return bounded(field).regex(SINGLE_LINE, CONTROL_CHARACTERS);
}

export function multiLineText(field: TextField) {
  return bounded(field).regex(MULTI_LINE, CONTROL_CHARACTERS);
}

const SINGLE_LINE_CONTROLS = /\p{Cc}/gu;
const MULTI_LINE_CONTROLS = /[^\P{Cc}\t\n\r]/gu;

/** What a text box keeps of typed or pasted text: the characters its field may hold. */
export function withoutControlCharacters(text: string, kind: 'single-line' | 'multi-line'): string {
  return text.replace(kind === 'single-line' ? SINGLE_LINE_CONTROLS : MULTI_LINE_CONTROLS, '');
}
