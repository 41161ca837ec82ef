/** Median, minimum and maximum of a non-empty list of numbers. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** The median and range of `values` (NaN for an empty list). */
export function spreadOf(values: ReadonlyArray<number>): Spread {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}
