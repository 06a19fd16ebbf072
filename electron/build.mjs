// Bundles the Electron main process (ESM, with its packages), the preload (CommonJS: a sandboxed
// preload can neither load ES modules nor require the app's other files) and
// electron-builder's afterPack hook (CommonJS, which electron-builder loads as is;
// it runs at packaging time and is not packaged, see electron-builder.yml).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunks are named by their content's hash: a fresh folder, so no chunk of an earlier build is packaged.
rmSync('dist-electron', { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'info' };
// The main process takes every package it imports into its bundle, so the installer ships no
// node_modules but the native better-sqlite3 (rebuilt for Electron's ABI; electron-builder.yml
// lists what it loads) and leaves faker, pg and csv-parse out. Electron is the runtime's own.
await build({
  ...common,
  entryPoints: {
    main: 'electron/main/main.ts',
    // The first start's store and its demo customers, as an entry of its own so a test can run
    // it from the build in plain Node (tests/unit/electron/packaging/electron-builder-config.test.ts); main.js
    // shares its code through the chunks splitting writes beside them.
    'store-at-start': 'electron/services/desk/store-at-start.ts',
  },
  outdir: 'dist-electron',
  format: 'esm',
  splitting: true,
  external: ['electron', 'better-sqlite3'],
  // Bundled CommonJS packages (pino, fastify…) call require(), which an ES module does not have.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
await build({
  ...common,
  entryPoints: ['electron/packaging/after-pack.ts'],
  outfile: 'dist-electron/packaging/after-pack.cjs',
  format: 'cjs',
  packages: 'external',
});
