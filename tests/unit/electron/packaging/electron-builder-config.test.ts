import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants.js';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { resolveFunction } from 'app-builder-lib/out/util/resolve.js';
import picomatch from 'picomatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESK_FUSES } from '../../../../electron/packaging/fuses.js';
import { productionModules, shippedModules, shipsModuleFile } from '../../../support/shipped-modules.js';

/**
 * A dry check of the packaging config: the installers cannot be built here (no Electron
 * binaries to download), so this validates the config against electron-builder's own
 * schema and checks that what the app needs at run time is in the packaged file list.
 */
describe('electron-builder.yml', () => {
  it('validates against electron-builder’s schema', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    const debug = { add: () => undefined, isEnabled: false } as unknown as Parameters<typeof validateConfiguration>[1];
    await expect(validateConfiguration(config, debug)).resolves.toBeUndefined();
  });

  it('would refuse a misspelt option, so the check above means something', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    const debug = { add: () => undefined, isEnabled: false } as unknown as Parameters<typeof validateConfiguration>[1];
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: true } as never }, debug)).rejects.toThrow(/configuration object that does not match the API schema/);
  });

  it('builds the installers IT rolls out, per machine, with versioned names', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    expect(config.win?.target).toEqual(['nsis', 'msi']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['deb', 'rpm', 'AppImage']);
    expect(config.nsis?.perMachine).toBe(true);
    expect(config.msi?.perMachine).toBe(true);
    expect(config.artifactName).toContain('${version}');
    expect(config.npmRebuild).toBe(true);
    expect(config.publish).toMatchObject({ provider: 'generic' });
  });

  it('packages every file the app loads at run time, and no source maps or packaging hooks', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    // getConfig normalises `files` to [{ filter: [...] }].
    const patterns = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    const included = (path: string) =>
      patterns.filter((p) => !p.startsWith('!')).some((p) => picomatch(p)(path)) && !patterns.filter((p) => p.startsWith('!')).some((p) => picomatch(p.slice(1))(path));
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    const main = readFileSync('electron/main/main.ts', 'utf8');
    const preload = /preload\.cjs/.test(main) ? 'dist-electron/preload.cjs' : 'missing';
    for (const path of [manifest.main, preload, 'dist-electron/store-at-start.js', 'dist-electron/chunk-ABC123.js', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js', 'resources/icons/tray.png', 'package.json']) {
      expect(included(path), path).toBe(true);
    }
    expect(included('dist/renderer/assets/index-abc.js.map')).toBe(false);
    expect(included('dist-electron/packaging/after-pack.cjs')).toBe(false);
  });
});

/** The packages an ES module of the build imports by name (`import … from "pkg"`), as esbuild writes the ones it leaves external. */
function importedPackages(code: string): string[] {
  const names = [...code.matchAll(/^import\s+(?:[^'";]*?\s+from\s+)?"([^"]+)";/gms)].map((match) => match[1]!);
  return names.filter((name) => !name.startsWith('.')).map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2) : name.split('/').slice(0, 1)).join('/'));
}

describe('what the installer ships of node_modules', () => {
  it('is only the native better-sqlite3 and what it loads: faker, pg and csv-parse stay out', async () => {
    // They are production dependencies (the hub and the demo seeding need them), so leaving them out is the config's doing.
    expect([...productionModules().keys()]).toEqual(expect.arrayContaining(['@faker-js/faker', 'pg', 'pg-protocol', 'csv-parse', 'fastify', 'better-sqlite3']));
    expect(await shippedModules()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
    const ships = await shipsModuleFile();
    expect(ships('better-sqlite3', 'build/Release/better_sqlite3.node')).toBe(true);
    expect(ships('@faker-js/faker', 'package.json')).toBe(false);
    expect(ships('pg', 'lib/index.js')).toBe(false);
  });

  describe('and the bundled main process', () => {
    let built: string[];
    beforeAll(() => {
      execFileSync(process.execPath, ['electron/build.mjs'], { stdio: 'ignore' });
      built = readdirSync('dist-electron').filter((name) => name.endsWith('.js'));
    }, 60_000);

    it('imports no package by name but Electron and what the installer ships', async () => {
      const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron', ...(await shippedModules())]);
      expect(built).toEqual(expect.arrayContaining(['main.js', 'store-at-start.js']));
      const imported = built.flatMap((name) => importedPackages(readFileSync(join('dist-electron', name), 'utf8')));
      expect(imported).toContain('better-sqlite3');
      expect(imported.filter((name) => !allowed.has(name))).toEqual([]);
    });

    it('seeds the 500 demo customers on a first start from the shipped files alone', async () => {
      // The build and the shipped packages, nothing else: --preserve-symlinks keeps every import
      // (better-sqlite3's own too) inside this folder rather than the repository's node_modules.
      const app = mkdtempSync(join(tmpdir(), 'packaged-desk-'));
      try {
        cpSync('dist-electron', join(app, 'dist-electron'), { recursive: true });
        writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
        mkdirSync(join(app, 'node_modules'));
        const modules = productionModules();
        for (const name of await shippedModules()) {
          mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
          symlinkSync(modules.get(name)!, join(app, 'node_modules', name), 'dir');
        }
        writeFileSync(
          join(app, 'first-start.mjs'),
          `const { openStoreAtStart } = await import('./dist-electron/store-at-start.js');
           const quiet = { info() {}, error() {} };
           const { store, created } = await openStoreAtStart(process.argv[2], { hub: { url: null }, demoCustomers: 500 }, quiet);
           const countries = new Set(Array.from({ length: 50 }, (_, i) => store.getCustomerCard('d' + (i + 1)).customer.country));
           process.stdout.write(JSON.stringify({ created, customers: store.countCustomers(), countries: [...countries].sort() }));
           store.close();`,
        );
        const dataDir = join(app, 'data');
        mkdirSync(dataDir);
        const out = execFileSync(process.execPath, ['--preserve-symlinks', 'first-start.mjs', dataDir], { cwd: app, encoding: 'utf8' });
        // Polish, Russian, Ukrainian and English names come from faker's pools: the seeding ran with faker from the bundle.
        expect(JSON.parse(out)).toEqual({ created: true, customers: 500, countries: ['BG', 'GB', 'PL', 'RU', 'UA'] });
      } finally {
        rmSync(app, { recursive: true, force: true });
      }
    }, 60_000);
  });
});

describe('Electron fuses', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, and turn on cookie encryption, ASAR integrity and ASAR-only loading', () => {
    const { version, ...fuses } = DESK_FUSES;
    const off = [FuseV1Options.RunAsNode, FuseV1Options.EnableNodeOptionsEnvironmentVariable, FuseV1Options.EnableNodeCliInspectArguments];
    const on = [FuseV1Options.EnableCookieEncryption, FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FuseV1Options.OnlyLoadAppFromAsar];
    expect(version).toBe('1');
    expect(fuses).toEqual(Object.fromEntries([...off.map((f) => [f, false]), ...on.map((f) => [f, true])]));
  });

  it('are flipped in the packaged binary by the afterPack hook electron-builder.yml names', async () => {
    // The hook as electron-builder loads it: built by the build script, found through the config.
    execFileSync(process.execPath, ['electron/build.mjs'], { stdio: 'ignore' });
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    const afterPack = await resolveFunction<(context: unknown) => Promise<void>>(undefined, config.afterPack as string, 'afterPack', process.cwd());

    // An Electron binary cannot be fetched here: a file with Electron's fuse wire (sentinel,
    // version 1, eight fuses at Electron's defaults) stands in for the packaged executable.
    const appOutDir = mkdtempSync(join(tmpdir(), 'after-pack-'));
    try {
      const defaults = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE];
      const binary = join(appOutDir, 'Agent Desk.exe');
      writeFileSync(binary, Buffer.concat([Buffer.from('MZ…electron…'), Buffer.from(SENTINEL), Buffer.from([1, defaults.length, ...defaults]), Buffer.from('…rest')]));
      // electron-builder's own packager code finds the executable and calls @electron/fuses.
      const packager = Object.assign(Object.create(PlatformPackager.prototype) as object, { appInfo: { productFilename: 'Agent Desk' } });
      await afterPack({ appOutDir, electronPlatformName: 'win32', packager });

      const wire = await getCurrentFuseWire(binary);
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      // The window loads its page from file://, which needs the privileges Electron gives it by default.
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
    } finally {
      rmSync(appOutDir, { recursive: true, force: true });
    }
  });
});
