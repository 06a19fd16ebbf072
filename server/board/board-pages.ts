/**
 * The board's pages are the desk's renderer, built by `npm run build:renderer` (vite) into
 * dist/renderer. The hub serves them at /board/ when they are there; when they are not
 * (a checkout where nobody built them), it says so as it starts, with what to run, rather
 * than answering 404 to a wallboard for no reason anyone can see.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

export const BUILT_RENDERER = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/** Whether the board's pages are in `dir`; a warning in the hub's log when they are not. */
export function announceBoardPages(dir: string, log: Logger): boolean {
  if (existsSync(join(dir, 'index.html'))) return true;
  log.warn({ dir }, 'the supervisor board is not built, so /board/ is not served: run `npm run build:renderer`, then restart the hub');
  return false;
}
