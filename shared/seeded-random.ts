/**
 * mulberry32: a tiny, fast generator that gives the same sequence for a seed on every
 * machine, so demo data and fuzz cases can be made again; never for anything secret.
 * Hand-written: it is six lines, and no package is smaller than its own README.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
