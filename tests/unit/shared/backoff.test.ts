import { describe, expect, it } from 'vitest';
import { createBackoff } from '../../../shared/backoff.js';

const bounds = { firstMs: 500, maxMs: 10_000 };

describe('backoff', () => {
  it('doubles the ceiling of each wait up to its bound', () => {
    const retry = createBackoff(bounds, () => 1);
    expect(Array.from({ length: 7 }, () => retry.next())).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it('draws each wait anywhere between none and its ceiling, so desks that failed together do not retry together', () => {
    const draws = [0, 0.5, 0.25];
    const retry = createBackoff(bounds, () => draws.shift()!);
    expect([retry.next(), retry.next(), retry.next()]).toEqual([0, 500, 500]);
  });

  it('spreads a floor of desks over the whole window rather than one instant', () => {
    const waits = Array.from({ length: 500 }, () => createBackoff(bounds).next());
    expect(new Set(waits).size).toBeGreaterThan(100);
    expect(Math.max(...waits)).toBeLessThanOrEqual(500);
  });

  it('starts again from the first ceiling once an attempt works', () => {
    const retry = createBackoff(bounds, () => 1);
    retry.next();
    retry.next();
    retry.next();
    retry.reset();
    expect(retry.next()).toBe(500);
  });
});
