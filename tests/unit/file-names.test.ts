import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** One case for every folder and file: kebab-case, dot-separated parts (`pop-card-view.tsx`, `desk.test.ts`). */
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/;
/** Names other tools look for by their own spelling. */
const TOOL_NAMES = new Set(['README.md']);

function misnamed(paths: string[]): string[] {
  const names = new Set(paths.flatMap((path) => path.split('/')));
  return [...names].filter((name) => !name.startsWith('.') && !TOOL_NAMES.has(name) && !KEBAB.test(name)).sort();
}

const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);

describe('file and folder names', () => {
  it('are all kebab-case', () => {
    expect(misnamed(tracked)).toEqual([]);
  });

  it('refuses PascalCase, camelCase and snake_case', () => {
    expect(misnamed(['renderer/src/PopCard.tsx', 'board/useNow.ts', 'server/db_door/x.ts', 'shared/ok-name.ts', 'README.md', '.ci/run'])).toEqual(['PopCard.tsx', 'db_door', 'useNow.ts']);
  });
});

describe('tests/unit/', () => {
  it('mirrors the source folders: a unit test sits under the path of the folder it tests', () => {
    const unitTests = tracked.filter((path) => path.startsWith('tests/unit/') && path.endsWith('.test.ts'));
    const folders = new Set(unitTests.map((path) => relative('tests/unit', dirname(path))).filter((folder) => folder !== ''));
    expect([...folders].filter((folder) => !existsSync(folder))).toEqual([]);
    expect(unitTests.length).toBeGreaterThan(50);
  });
});
