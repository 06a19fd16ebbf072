import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The code below is linted as files that are not on disk, so without the type information
// the i18n rule reads from the TypeScript project (eslint.config.js); only imports are checked.
const eslint = new ESLint({ overrideConfig: { languageOptions: { parserOptions: { projectService: false } } } });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('refuses Node modules in the renderer', async () => {
    expect(await restrictedImports('renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
  });

  it('refuses desk code in the renderer', async () => {
    const code = "import { createDesk } from '../../electron/services/desk/desk.js';\nexport const x = createDesk;\n";
    expect(await restrictedImports('renderer/src/x.ts', code)).toHaveLength(1);
  });

  it('refuses electron in the Electron-free services', async () => {
    expect(await restrictedImports('electron/services/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
  });

  it('keeps shared/ free of Node modules and app code', async () => {
    const code = "import { join } from 'node:path';\nimport { createDesk } from '../electron/services/desk/desk.js';\nexport const x = [join, createDesk];\n";
    expect(await restrictedImports('shared/x.ts', code)).toHaveLength(2);
  });

  it('lets the renderer import the contract', async () => {
    const code = "import { deskRequests } from '../../shared/desk-api.js';\nexport const x = deskRequests;\n";
    expect(await restrictedImports('renderer/src/x.ts', code)).toEqual([]);
  });
});
