import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { formatRunSection } from "./format-run-section";
import type { RunReport } from "./run-report";

const TITLE =
  "# Benchmarks\n\nRun `pnpm bench` (full) or `pnpm bench --quick`. Each run appends a section below.\n";

/** Appends the run's section to the benchmarks page (created with a title if missing). */
export function appendDocs(file: string, report: RunReport): void {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, TITLE);
  }
  appendFileSync(file, `\n${formatRunSection(report)}`);
}
