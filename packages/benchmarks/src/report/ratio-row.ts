import { spreadOf } from "../runner/median";
import type { BenchRow } from "./bench-row";

/**
 * A ratio between two cases measured in the same rounds: the ratio is taken round by round (both cases ran
 * back to back), and the row holds the median and range of those ratios.
 */
export function ratioRow(
  suite: string,
  name: string,
  n: number,
  metric: string,
  numerators: ReadonlyArray<number>,
  denominators: ReadonlyArray<number>,
): BenchRow {
  const ratios = numerators.map((value, i) => value / (denominators[i] ?? Number.NaN));
  const { median, min, max } = spreadOf(ratios);
  return { suite, case: name, n, metric, value: median, unit: "x", runs: ratios.length, min, max };
}
