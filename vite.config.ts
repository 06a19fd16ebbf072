import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // One bundle read from the local disk or loopback, never over a WAN; most of its size is
    // libphonenumber's full metadata, which the desk needs to format any country's numbers.
    chunkSizeWarningLimit: 1024,
  },
});
