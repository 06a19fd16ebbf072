/**
 * Damage to a real SQLite file as a failing disk or an interrupted copy leaves it: whole
 * pages overwritten with noise. The noise comes from a seed, so a failing test sees the
 * same damage when run again.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/** xorshift32: enough to make bytes no page would hold. */
function noise(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

export interface Damage {
  seed?: number;
  /** Only pages of these tables and indexes; by default any but the schema's. */
  tables?: string[];
}

/**
 * Overwrites `count` pages spread over the file with noise. The schema's pages are spared,
 * so SQLite opens the file and prepares its statements, and only reading the damaged
 * pages fails: the store that starts fine and then fails some callers.
 */
export function damagePages(file: string, count: number, { seed = 7, tables }: Damage = {}): number[] {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = (db.prepare("SELECT pageno, name FROM dbstat WHERE name <> 'sqlite_schema' ORDER BY pageno").all() as { pageno: number; name: string }[])
    .filter((page) => !tables || tables.includes(page.name))
    .map((page) => page.pageno);
  db.close();
  if (pages.length < count) throw new Error(`${file} has ${pages.length} pages to damage, not ${count}`);
  const damaged = Array.from({ length: count }, (_, k) => pages[Math.floor((pages.length * k) / count)]!);
  const fd = openSync(file, 'r+');
  try {
    for (const page of damaged) writeSync(fd, noise(seed + page, pageSize), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return damaged;
}
