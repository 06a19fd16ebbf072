/**
 * Damage to a real SQLite file as a failing disk or an interrupted copy leaves it:
 * whole pages overwritten with noise, or the file cut to nothing. The noise comes
 * from a seed, so a failing test sees the same damage when run again.
 */
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';

/** SQLite keeps the page size in the header's bytes 16-17, big-endian; 1 stands for 65536. */
function pageSizeOf(file: string): number {
  const header = Buffer.alloc(18);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 18, 0);
  } finally {
    closeSync(fd);
  }
  const size = header.readUInt16BE(16);
  return size === 1 ? 65_536 : size;
}

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

/**
 * Overwrites `count` pages spread over the file with noise. Page 1 (the header and the
 * schema) is spared, so SQLite opens the file and only reading the damaged pages fails.
 */
export function damagePages(file: string, count: number, seed = 7): number[] {
  const pageSize = pageSizeOf(file);
  const pages = Math.floor(statSync(file).size / pageSize);
  if (pages < count + 1) throw new Error(`${file} has ${pages} pages; cannot damage ${count} of them and spare the first`);
  const damaged = Array.from({ length: count }, (_, k) => 2 + Math.floor(((pages - 1) * k) / count));
  const fd = openSync(file, 'r+');
  try {
    for (const page of damaged) writeSync(fd, noise(seed + page, pageSize), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return damaged;
}
