/**
 * A pseudo-locale for layout tests: every text accented (so a string that skips i18next
 * stands out as plain ASCII) and about 40% longer, as Polish or Russian often are, inside
 * ⟦ ⟧ so a cut end shows. Placeholders and i18next's nesting are left as they are.
 */
const ACCENTS: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'áƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'][i]!]),
);
const PADDING = 'ļőŕéɱ ïƥšûɱ ðőļőŕ šïţ áɱéţ çőñšéçţéţûŕ áðïƥïšçïñĝ éļïţ šéð ðő éïûšɱőð ţéɱƥőŕ ';
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|\n)/;

export function pseudoText(text: string): string {
  const parts = text.split(KEEP);
  const visible = parts.filter((p, i) => i % 2 === 0).join('').length;
  const accented = parts.map((p, i) => (i % 2 === 0 ? [...p].map((c) => ACCENTS[c] ?? c).join('') : p)).join('');
  const extra = Math.ceil(visible * 0.4);
  return `⟦${accented}${extra > 0 ? ` ${PADDING.repeat(Math.ceil(extra / PADDING.length)).slice(0, extra).trimEnd()}` : ''}⟧`;
}

export function pseudoLocalise<T>(tree: T): T {
  return Object.fromEntries(
    Object.entries(tree as Record<string, unknown>).map(([key, value]) => [key, typeof value === 'string' ? pseudoText(value) : pseudoLocalise(value)]),
  ) as T;
}
