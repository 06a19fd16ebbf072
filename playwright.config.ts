import { defineConfig } from '@playwright/test';
import { debianChromium } from './tests/support/debian-chromium.js';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: debianChromium,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
});
