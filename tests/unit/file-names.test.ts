import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** One case for every folder and file: kebab-case, dot-separated parts (`pop-card-view.tsx`, `desk.test.ts`). */
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/;
/** Names other tools look for by their own spelling. */
const TOOL_NAMES = new Set(['README.md']);

function misnamed(paths: string[]): string[] {
  const names = new Set(paths.flatMap((path) => path.split('/')));
  return [...names].filter((name) => !name.startsWith('.') && !TOOL_NAMES.has(name) && !KEBAB.test(name)).sort();
}

describe('file and folder names', () => {
  it('are all kebab-case', () => {
    const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(misnamed(tracked)).toEqual([]);
  });

  it('refuses PascalCase, camelCase and snake_case', () => {
    expect(misnamed(['renderer/src/PopCard.tsx', 'board/useNow.ts', 'server/db_door/x.ts', 'shared/ok-name.ts', 'README.md', '.ci/run'])).toEqual(['PopCard.tsx', 'db_door', 'useNow.ts']);
  });
});
