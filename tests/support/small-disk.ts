/**
 * A real file system small enough to fill: a tmpfs mounted for the test, which needs the
 * runner to be root (as it is on the project's test machines). A store on it meets ENOSPC
 * exactly as on a full disk, and SQLite says SQLITE_FULL.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the disk refuses another byte. */
  fill(): void;
  /** Deletes the filler: what IT does when they free up space. */
  free(): void;
  unmount(): void;
}

export function mountSmallDisk(sizeMiB: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmdirSync(dir);
    throw new Error(`mounting a ${sizeMiB} MiB tmpfs needs root: ${(err as Error).message}`);
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        // Big chunks first, then smaller ones, so the last free page goes too.
        for (let chunk = 1 << 20; chunk >= 1; chunk >>= 2) {
          const bytes = Buffer.alloc(chunk, 0x5a);
          for (;;) {
            try {
              if (writeSync(fd, bytes) < chunk) break;
            } catch (err) {
              if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    unmount() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmdirSync(dir);
    },
  };
}
