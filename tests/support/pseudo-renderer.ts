/**
 * The renderer in the pseudo-locale (vite.config.ts, mode "pseudo"), put in front of the
 * real one for a page: the desk and the hub serve their own page (with its secret), and the
 * page's script and styles come from the pseudo build instead.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const ASSETS = 'dist/renderer-pseudo/assets';

export function buildPseudoRenderer(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'pseudo', '--logLevel', 'warn'], { stdio: 'inherit' });
}

export async function usePseudoRenderer(page: Page): Promise<void> {
  const built = readdirSync(ASSETS);
  for (const [ext, contentType] of [['js', 'text/javascript'], ['css', 'text/css']] as const) {
    const file = built.find((f) => f.startsWith('index-') && f.endsWith(`.${ext}`));
    if (!file) throw new Error(`${ASSETS} has no index-*.${ext}: did buildPseudoRenderer() run?`);
    await page.route(new RegExp(`/assets/index-[^/]+\\.${ext}$`), (route) => route.fulfill({ path: join(ASSETS, file), contentType }));
  }
}
