/**
 * A fast, well-mixed 32-bit hash of (seed, index, salt): the murmur3 finaliser over a combined word.
 * Every generated value derives from it, so user `i` costs O(1) whatever the tenant size.
 */
export function hash32(seed: number, index: number, salt: number): number {
  let h = (seed ^ Math.imul(index, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  // a second round mixes high indices (above 2^32 / golden ratio) as well as low ones
  h = Math.imul(h ^ (index >>> 16) ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
