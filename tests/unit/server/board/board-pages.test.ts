import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { announceBoardPages } from '../../../../server/board/board-pages.js';

describe('the board pages at hub start', () => {
  let dir: string;
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    lines.length = 0;
  });

  it('says the board is not built, and what to run, when dist/renderer has no pages', () => {
    dir = mkdtempSync(join(tmpdir(), 'board-pages-'));
    expect(announceBoardPages(dir, log)).toBe(false);
    expect(lines.map((l) => JSON.parse(l) as { level: number; msg: string })).toEqual([
      expect.objectContaining({ level: 40, msg: expect.stringContaining('npm run build:renderer') }),
    ]);
  });

  it('says nothing when the pages are built', () => {
    dir = mkdtempSync(join(tmpdir(), 'board-pages-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    expect(announceBoardPages(dir, log)).toBe(true);
    expect(lines).toEqual([]);
  });
});
