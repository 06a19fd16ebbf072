/**
 * The layer rule (layers/allowed-imports, with its table in eslint.config.js): each layer
 * imports only what its entry allows, a file no layer declares fails, and every package in
 * package.json has one class.
 */
import { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { classifyDependencies, layerOptions } from '../../../eslint-rules/layer-table.js';
import layers from '../../../eslint-rules/layers-plugin.js';

// The code below is linted as files that are not on disk, so without the type information
// the i18n rule reads from the TypeScript project (eslint.config.js); only imports are checked.
const eslint = new ESLint({ overrideConfig: { languageOptions: { parserOptions: { projectService: false } } } });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/allowed-imports').map((m) => m.message);
}

const importing = (specifier: string) => `import * as imported from '${specifier}';\nexport const x = imported;\n`;

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

  it.each([
    ['renderer/src/x.ts', 'pg', 'renderer may not import pg (class hub-db)'],
    ['electron/preload/x.ts', 'node:fs', 'preload may not import node:fs (class node)'],
    ['electron/preload/x.ts', '../services/desk/desk.js', 'preload may not import electron/services/desk/desk.ts (layer services)'],
    ['electron/preload/x.ts', '../../shared/domain.js', 'preload may not import shared/domain.ts (layer shared)'],
    ['electron/services/desk/x.ts', 'better-sqlite3', 'services may not import better-sqlite3 (class desk-store)'],
    ['server/http/x.ts', 'pg', 'hub may not import pg (class hub-db)'],
    ['electron/main/x.ts', '../../server/hub.js', 'main may not import server/hub.ts (layer hub)'],
    ['electron/services/sync/x.ts', '../../../server/hub.js', 'services may not import server/hub.ts (layer hub)'],
    ['electron/services/desk/x.ts', '@faker-js/faker', 'services may not import @faker-js/faker (class demo)'],
    ['server/import/x.ts', '@faker-js/faker', 'hub may not import @faker-js/faker (class demo)'],
    ['electron/packaging/x.ts', '../services/log.js', 'packaging may not import electron/services/log.ts (layer services)'],
    ['tests/unit/x.test.ts', 'electron', 'tests may not import electron (class electron)'],
    ['renderer/src/x.ts', 'left-pad', 'left-pad is not in package.json'],
    ['shared/x.ts', './node/command-line.js', 'shared may not import shared/node/command-line.ts (layer node-shared)'],
    ['renderer/src/x.ts', '../../shared/node/command-line.js', 'renderer may not import shared/node/command-line.ts (layer node-shared)'],
    ['shared/node/x.ts', '../../server/hub.js', 'node-shared may not import server/hub.ts (layer hub)'],
    ['scripts/x.ts', 'zod', 'no layer declares scripts/x.ts: add it to the layer table in eslint.config.js'],
  ])('refuses, in %s, an import of %s', async (file, specifier, refusal) => {
    const [message, ...more] = await restrictedImports(file, importing(specifier));
    expect(message).toContain(refusal);
    expect(more).toEqual([]);
  });

  it.each([
    ['shared/desk-wire.ts', './desk-api.js'],
    ['shared/x.ts', 'libphonenumber-js/max'],
    ['renderer/src/x.ts', 'react-dom/client'],
    ['electron/preload/x.ts', 'electron'],
    ['electron/preload/x.ts', '../../shared/desk-wire.js'],
    ['electron/main/x.ts', 'electron-updater'],
    ['electron/main/x.ts', '../services/desk/desk.js'],
    ['electron/services/desk/x.ts', '../store/open-store.js'],
    ['electron/services/host/x.ts', 'node:fs'],
    ['electron/services/store/x.ts', 'better-sqlite3'],
    ['electron/services/demo/x.ts', '@faker-js/faker'],
    ['electron/packaging/x.ts', '@electron/fuses'],
    ['server/http/x.ts', '../../shared/hub-api.js'],
    ['server/x.ts', '../shared/node/command-line.js'],
    ['electron/services/cli/x.ts', '../../../shared/node/command-line.js'],
    ['shared/node/x.ts', 'node:util'],
    ['server/db/x.ts', 'pg'],
    ['vite.config.ts', 'vite'],
    ['playwright.config.ts', './tests/support/debian-chromium.js'],
    ['tests/support/x.ts', '@faker-js/faker'],
    ['tests/unit/x.test.ts', '../../server/hub.js'],
  ])('lets %s import %s', async (file, specifier) => {
    expect(await restrictedImports(file, importing(specifier))).toEqual([]);
  });
});

describe('pending moves', () => {
  const linter = new Linter();
  const config = [
    {
      files: ['**/*.ts'],
      plugins: { layers },
      rules: {
        'layers/allowed-imports': [
          'error',
          {
            root: process.cwd(),
            layers: { hub: { files: ['server/**'], imports: ['hub'], packages: ['node'] } },
            classOf: { pg: 'hub-db' },
            pendingMoves: [{ file: 'server/sync/push.ts', allows: 'pg', why: 'moving behind server/db' }],
          },
        ],
      },
    },
  ] satisfies Linter.Config[];
  const refusals = (filename: string, code: string) => linter.verify(code, config, { filename }).map((m) => m.message);

  it('let the named file keep the named import, and no other file', () => {
    expect(refusals('server/sync/push.ts', importing('pg'))).toEqual([]);
    expect(refusals('server/sync/pull.ts', importing('pg'))).toEqual(['hub may not import pg (class hub-db); it may import packages of class node']);
  });

  it('say when the file no longer makes the import', () => {
    expect(refusals('server/sync/push.ts', 'export const x = 1;\n')).toEqual(['this file no longer imports pg: remove its pending move from eslint.config.js']);
  });
});

describe('the dependency table', () => {
  const manifest = { dependencies: { zod: '^4.0.0', pg: '^8.0.0' }, devDependencies: { vitest: '^4.0.0' } };

  it('gives each package in package.json its class', () => {
    expect(classifyDependencies(manifest, { anywhere: ['zod'], 'hub-db': ['pg'], test: ['vitest'] })).toEqual({ zod: 'anywhere', pg: 'hub-db', vitest: 'test' });
  });

  it('fails on a dependency it does not classify, naming it', () => {
    expect(() => classifyDependencies(manifest, { anywhere: ['zod'], test: ['vitest'] })).toThrow('unclassified dependency pg');
  });

  it('fails on a package classified twice', () => {
    expect(() => classifyDependencies(manifest, { anywhere: ['zod', 'pg'], 'hub-db': ['pg'], test: ['vitest'] })).toThrow('pg is classified twice (anywhere, hub-db)');
  });

  it('fails on a package that is not in package.json', () => {
    expect(() => classifyDependencies(manifest, { anywhere: ['zod', 'left-pad'], 'hub-db': ['pg'], test: ['vitest'] })).toThrow('left-pad is classified but is not in package.json');
  });
});

describe('the layer table', () => {
  const tables = {
    root: process.cwd(),
    layers: { hub: { files: ['server/**'], imports: ['hub'], packages: ['node'] } },
    classes: { node: [] },
    manifest: {},
    pendingMoves: [],
  };

  it('fails on a layer that names no layer or no class', () => {
    const layers = { hub: { files: ['server/**'], imports: ['hub', 'desk'], packages: ['node', 'browser'] } };
    expect(() => layerOptions({ ...tables, layers })).toThrow(/layer hub imports desk, which is no layer\n.*layer hub imports packages of class browser, which is no class/);
  });

  it('fails on a pending move of a file that is not there', () => {
    const pendingMoves = [{ file: 'server/gone.ts', allows: 'pg', why: 'moved' }];
    expect(() => layerOptions({ ...tables, pendingMoves })).toThrow('the pending move of server/gone.ts names a file that is not there');
  });
});
