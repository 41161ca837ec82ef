/**
 * Keeps the last item per key, in the order keys first appeared. A multi-row upsert may touch each row only
 * once, so a batch that names one id twice is folded first (the later entry wins, as it would row by row).
 */
export function lastByKey<T>(items: ReadonlyArray<T>, key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(key(item), item);
  return [...byKey.values()];
}
