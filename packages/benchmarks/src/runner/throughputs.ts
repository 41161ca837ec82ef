import type { Measurement } from "./measurement";

/** Items per second of each run (`count` over wall time). */
export function throughputs(runs: ReadonlyArray<Measurement>): number[] {
  return runs.map((m) => ((m.result.count ?? Number.NaN) / m.wallMs) * 1000);
}
