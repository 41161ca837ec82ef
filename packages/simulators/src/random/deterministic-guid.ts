import { hash32 } from "./hash32";

const HEX = "0123456789abcdef";
const HEX2 = Array.from({ length: 256 }, (_, i) => HEX[i >>> 4] + (HEX[i & 15] as string));
const h2 = (v: number): string => HEX2[v & 255] as string;
const h3 = (v: number): string => (HEX[(v >>> 8) & 15] as string) + h2(v);
const h4 = (v: number): string => h2(v >>> 8) + h2(v);
const h6 = (v: number): string => h2(v >>> 16) + h2(v >>> 8) + h2(v);
const h8 = (v: number): string => h4(v >>> 16) + h4(v);
const masks = new Map<number, number>();

function maskOf(seed: number, salt: number): number {
  const key = seed * 16 + salt;
  let mask = masks.get(key);
  if (mask === undefined) {
    mask = hash32(seed, -1, salt) & 0xffffff;
    if (masks.size > 1000) masks.clear();
    masks.set(key, mask);
  }
  return mask;
}

/**
 * A version-4-shaped GUID for entity `index` of a kind (`salt`) under `seed`. The last 12 hex digits hold the
 * index masked by a seed-derived value, so {@link guidIndex} recovers the index in O(1).
 */
export function deterministicGuid(seed: number, salt: number, index: number): string {
  const a = hash32(seed, index, salt * 7 + 1);
  const b = hash32(seed, index, salt * 7 + 2);
  const mask = maskOf(seed, salt);
  const low = (index & 0xffffff) ^ mask;
  const high = Math.floor(index / 0x1000000) ^ (mask >>> 4);
  return `${h8(a)}-${h4(b >>> 16)}-4${h3(b >>> 4)}-${HEX[8 + (b & 3)]}${h3(a >>> 7)}-${h6(high)}${h6(low)}`;
}

/** The index a {@link deterministicGuid} was made from, or `undefined` when the id is not one of ours. */
export function guidIndex(seed: number, salt: number, id: string): number | undefined {
  if (id.length !== 36) return undefined;
  const mask = maskOf(seed, salt);
  const high = Number.parseInt(id.slice(24, 30), 16) ^ (mask >>> 4);
  const low = Number.parseInt(id.slice(30, 36), 16) ^ mask;
  if (Number.isNaN(high) || Number.isNaN(low)) return undefined;
  const index = (high & 0xffffff) * 0x1000000 + low;
  return deterministicGuid(seed, salt, index) === id.toLowerCase() ? index : undefined;
}
