import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * `vite build --mode pseudo` (tests/e2e/languages.spec.ts): the same renderer with every
 * language swapped for the pseudo-locale of tests/support, into its own folder, so layout
 * tests can see text 40% longer than English without a pseudo-locale ever shipping.
 */
function pseudoLocale(): Plugin {
  const real = fileURLToPath(new URL('shared/i18n/translations.ts', import.meta.url));
  const pseudo = fileURLToPath(new URL('tests/support/pseudo-translations.ts', import.meta.url));
  return {
    name: 'pseudo-locale',
    enforce: 'pre',
    async resolveId(source, importer) {
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === real ? pseudo : null;
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  plugins: [react(), ...(mode === 'pseudo' ? [pseudoLocale()] : [])],
  build: {
    outDir: mode === 'pseudo' ? '../dist/renderer-pseudo' : '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // One bundle read from the local disk or loopback, never over a WAN; most of its size is
    // libphonenumber's full metadata, which the desk needs to format any country's numbers.
    chunkSizeWarningLimit: 1024,
  },
}));
