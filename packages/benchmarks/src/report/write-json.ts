import { writeFileSync } from "node:fs";
import type { RunReport } from "./run-report";

/**
 * Writes `bench-results.json`: a list of `{suite, case, n, metric, value, unit, runs, min, max}` rows, so other
 * tools can read the figures and ratios. The run context (machine, date) goes to docs/benchmarks.md.
 */
export function writeJson(file: string, report: RunReport): void {
  writeFileSync(file, `${JSON.stringify(report.rows, null, 2)}\n`);
}
