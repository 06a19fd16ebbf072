import { afterEach } from 'vitest';

export type Cleanup = () => Promise<void> | void;

/** A list a test file pushes its cleanups to as it starts things; after each test they run, last first. */
export function cleanupsAfterEach(): Cleanup[] {
  const cleanups: Cleanup[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return cleanups;
}
