// Bundles the Electron main process (ESM), the preload (CommonJS: a sandboxed
// preload can neither load ES modules nor require the app's other files) and
// electron-builder's afterPack hook (CommonJS, which electron-builder loads as is;
// it runs at packaging time and is not packaged, see electron-builder.yml).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'info' };
await build({
  ...common,
  entryPoints: ['electron/main/main.ts'],
  outfile: 'dist-electron/main.js',
  format: 'esm',
  packages: 'external',
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
