/** A seeded pseudo-random source: `next()` gives a float in [0, 1). Deterministic for a given seed. */
export interface Rng {
  next(): number;
}

/** Creates a mulberry32 generator, so fault probabilities replay exactly for a given seed. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
