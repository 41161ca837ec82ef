import type { Measurement } from "../runner/measurement";
import { spreadOf } from "../runner/median";
import type { BenchRow } from "./bench-row";

const MIB = 1024 * 1024;

/**
 * The rows of one case: throughput (when the task returned a `count`), wall time, CPU time and peak RSS, each the
 * median and range over the runs, plus any other figure the task measured itself (`xPerSecond` in /s, `xMs` in ms).
 */
export function caseRows(
  suite: string,
  name: string,
  n: number,
  runs: ReadonlyArray<Measurement>,
  throughputUnit = "users/s",
): BenchRow[] {
  const row = (metric: string, unit: string, values: number[]): BenchRow => {
    const { median, min, max } = spreadOf(values);
    return { suite, case: name, n, metric, value: median, unit, runs: values.length, min, max };
  };
  const rows: BenchRow[] = [];
  if (runs.every((m) => typeof m.result.count === "number")) {
    rows.push(
      row(
        "throughput",
        throughputUnit,
        runs.map((m) => (m.result.count! / m.wallMs) * 1000),
      ),
    );
  }
  rows.push(
    row(
      "wall",
      "ms",
      runs.map((m) => m.wallMs),
    ),
  );
  rows.push(
    row(
      "cpu",
      "ms",
      runs.map((m) => m.cpuMs),
    ),
  );
  rows.push(
    row(
      "peak RSS",
      "MiB",
      runs.map((m) => m.peakRssBytes / MIB),
    ),
  );
  const extra = new Set(runs.flatMap((m) => Object.keys(m.result)).filter((k) => k !== "count"));
  for (const key of extra) {
    const [metric, unit] = metricOf(key);
    rows.push(
      row(
        metric,
        unit,
        runs.map((m) => m.result[key] ?? Number.NaN),
      ),
    );
  }
  return rows;
}

/** `openPerSecond` -> `open`, `/s`; `deltaWallMs` -> `deltaWall`, `ms`; `p99Ms` -> `p99`, `ms`. */
function metricOf(key: string): [string, string] {
  if (key.endsWith("PerSecond")) return [key.slice(0, -"PerSecond".length), "/s"];
  if (key.endsWith("Ms")) return [key.slice(0, -2), "ms"];
  if (key.endsWith("Bytes")) return [key.slice(0, -5), "bytes"];
  return [key, ""];
}
