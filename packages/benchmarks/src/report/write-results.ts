import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunReport } from "./run-report";

/** The file name of a run's results: its UTC start minute and command, e.g. `2026-12-02T12-17Z-bench.json`. */
function resultsFileName(report: RunReport): string {
  const minute = report.machine.date.slice(0, 16).replaceAll(":", "-");
  const flags = report.command
    .replace(/^pnpm /, "")
    .replace(/--only=/g, "only-")
    .replace(/--/g, "")
    .replace(/[^a-z0-9-]+/gi, "-");
  return `${minute}Z-${flags}.json`;
}

/**
 * Writes the whole run (command, machine, goals, notes and every row) as one JSON file into `dir`
 * (docs/benchmarks/results/), the machine-readable history of `pnpm bench`; returns the file's name.
 */
export function writeResults(dir: string, report: RunReport): string {
  mkdirSync(dir, { recursive: true });
  const name = resultsFileName(report);
  writeFileSync(join(dir, name), `${JSON.stringify(report, null, 2)}\n`);
  return name;
}
