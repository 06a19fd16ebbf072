/**
 * Hub migration 3: rows written before the shared text rules (shared/text-rules.ts) are
 * brought within them, since a desk refuses a whole pull page with one row that breaks
 * them and would stop at it for good. Control characters are dropped (a note keeps its
 * tabs and line breaks), over-long text is cut, and each changed row takes a new change
 * version so desks that pulled the old text get the new.
 */
import { TEXT_BOUNDS, type TextField } from '../../shared/text-rules.js';

/** PostgreSQL regular expressions; a NUL never gets this far, as PostgreSQL text cannot hold one. */
const SINGLE_LINE_CONTROLS = String.raw`[\u0001-\u001f\u007f-\u009f]`;
const MULTI_LINE_CONTROLS = String.raw`[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]`;

type Column = [column: string, field: TextField, kind?: 'multi-line'];

const TABLES: [table: string, columns: Column[]][] = [
  ['agents', [['username', 'username'], ['name', 'personName']]],
  ['customers', [['customer_number', 'customerNumber'], ['first_name', 'personName'], ['last_name', 'personName'], ['company', 'company'], ['email', 'email'], ['industry', 'category'], ['source', 'category']]],
  ['purchases', [['order_number', 'orderNumber'], ['product', 'product']]],
  ['tickets', [['subject', 'ticketSubject']]],
  ['interactions', [['call_id', 'callId'], ['disposition', 'dispositionCode'], ['note', 'note', 'multi-line'], ['agent', 'id']]],
];

// left() counts code points and zod UTF-16 units: text rich in emoji may still be over, and is as rare as it is old.
const cleaned = ([column, field, kind]: Column) =>
  `left(regexp_replace(${column}, '${kind === 'multi-line' ? MULTI_LINE_CONTROLS : SINGLE_LINE_CONTROLS}', '', 'g'), ${TEXT_BOUNDS[field]})`;

const tags = `coalesce((SELECT jsonb_agg(left(regexp_replace(tag, '${SINGLE_LINE_CONTROLS}', '', 'g'), ${TEXT_BOUNDS.tag})) FROM jsonb_array_elements_text(tags) AS tag), '[]')`;

function cleanTable(table: string, columns: Column[]): string {
  const sets = columns.map((c) => `${c[0]} = ${cleaned(c)}`);
  const broken = columns.map((c) => `${c[0]} IS DISTINCT FROM ${cleaned(c)}`);
  if (table === 'customers') {
    sets.push(`tags = ${tags}`);
    broken.push(`tags IS DISTINCT FROM ${tags}`);
  }
  // Agents are not synced changes: they have no version to move.
  if (table !== 'agents') sets.push(`version = nextval('change_version')`);
  return `UPDATE ${table} SET ${sets.join(', ')} WHERE ${broken.join(' OR ')};`;
}

export const LEGACY_TEXT_SQL = TABLES.map(([table, columns]) => cleanTable(table, columns)).join('\n');
