import { readFileSync, writeFileSync } from "node:fs";
import { formatRunSection } from "./format-run-section";
import type { RunReport } from "./run-report";

const START = "<!-- bench:latest:start -->";
const END = "<!-- bench:latest:end -->";

/**
 * Replaces the latest-figures section of docs/benchmarks.md (between its `bench:latest` markers) with this
 * run's, linking to its results file. Only a full run (no `--quick`, no `--only`) replaces it; the page keeps
 * the method and one set of figures, the history stays in docs/benchmarks/results/.
 */
export function updateDocs(file: string, report: RunReport, resultsLink: string): void {
  const page = readFileSync(file, "utf8");
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${START} ... ${END} section to update`);
  const section = `${formatRunSection(report)}\nEvery figure of this run: [${resultsLink}](${resultsLink}).\n`;
  writeFileSync(file, `${page.slice(0, start + START.length)}\n\n${section}\n${page.slice(end)}`);
}
