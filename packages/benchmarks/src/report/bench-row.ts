/** One figure of a run, as printed, kept in docs/benchmarks/results/ and written to bench-results.json. */
export interface BenchRow {
  suite: string;
  case: string;
  /** Size of the case (users, records, operations...). */
  n: number;
  metric: string;
  /** The median over the measured runs. */
  value: number;
  unit: string;
  /** How many measured runs (warm-up excluded). */
  runs: number;
  min: number;
  max: number;
}
