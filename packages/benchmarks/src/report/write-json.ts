import { writeFileSync } from "node:fs";
import type { RunReport } from "./run-report";

/**
 * Writes `bench-results.json`: a list of `{suite, case, n, metric, value, unit, runs, min, max}` rows, so other
 * tools can read the figures and ratios. The whole run, context included, goes to docs/benchmarks/results/.
 */
export function writeJson(file: string, report: RunReport): void {
  writeFileSync(file, `${JSON.stringify(report.rows, null, 2)}\n`);
}
