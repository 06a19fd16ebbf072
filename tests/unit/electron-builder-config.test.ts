import { readFileSync } from 'node:fs';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';

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

  it('packages every file the app loads at run time, and no source maps', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    // getConfig normalises `files` to [{ filter: [...] }].
    const patterns = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    const included = (path: string) =>
      patterns.filter((p) => !p.startsWith('!')).some((p) => picomatch(p)(path)) && !patterns.filter((p) => p.startsWith('!')).some((p) => picomatch(p.slice(1))(path));
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    const main = readFileSync('electron/main/main.ts', 'utf8');
    const preload = /preload\.cjs/.test(main) ? 'dist-electron/preload.cjs' : 'missing';
    for (const path of [manifest.main, preload, 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js', 'resources/icons/tray.png', 'package.json']) {
      expect(included(path), path).toBe(true);
    }
    expect(included('dist/renderer/assets/index-abc.js.map')).toBe(false);
  });
});
