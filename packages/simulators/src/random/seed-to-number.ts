/** Turns a numeric or string seed into a 32-bit integer (FNV-1a over the string form). */
export function seedToNumber(seed: number | string | undefined): number {
  const text = String(seed ?? 1);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
