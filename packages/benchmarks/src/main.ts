import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseOptions } from "./options/parse-options";
import { formatTable } from "./report/format-table";
import { machineInfo } from "./report/machine-info";
import type { RunReport } from "./report/run-report";
import { updateDocs } from "./report/update-docs";
import { writeJson } from "./report/write-json";
import { writeResults } from "./report/write-results";
import { SUITES } from "./suites/index";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `pnpm bench`: runs the suites, prints the table, writes the run to docs/benchmarks/results/ (and, for a full
 * run, its figures into docs/benchmarks.md), optionally writes bench-results.json.
 */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const flags = process.argv.slice(2).filter((a) => a !== "--" && a !== "--no-docs");
  const report: RunReport = {
    command: ["pnpm bench", ...flags].join(" "),
    machine: machineInfo(),
    simulator: "",
    rows: [],
    goals: [],
    skipped: [],
    notes: [],
    durationSeconds: 0,
  };
  const context = {
    quick: options.quick,
    runs: options.runs,
    warmups: options.warmups,
    delayMs: options.delayMs,
    log,
  };
  const chosen = SUITES.filter(
    (s) => options.only.length === 0 || options.only.some((o) => s.id.includes(o)),
  );
  for (const suite of chosen) {
    log(`suite ${suite.id}: ${suite.title}`);
    try {
      const outcome = await suite.run(context);
      report.rows.push(...outcome.rows);
      report.goals.push(...outcome.goals.map((g) => ({ ...g, suite: suite.id })));
      for (const note of outcome.notes ?? []) {
        if (note.startsWith("Graph server: ")) report.simulator = note.slice("Graph server: ".length);
        else report.notes.push(`${suite.id}: ${note}`);
      }
    } catch (error) {
      const reason = `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
      report.skipped.push({ suite: suite.id, reason });
      log(`  ${reason}`);
    }
  }
  report.durationSeconds = (performance.now() - started) / 1000;
  if (report.machine.loadAverage) report.machine.loadAverage[1] = loadavg()[0] ?? 0;
  process.stdout.write(`${formatTable(report.rows)}\n\n`);
  for (const g of report.goals)
    process.stdout.write(`${g.met ? "met    " : "NOT met"}  ${g.suite}: ${g.goal}: ${g.detail}\n`);
  for (const s of report.skipped) process.stdout.write(`skipped  ${s.suite}: ${s.reason}\n`);
  for (const note of report.notes) process.stdout.write(`note     ${note}\n`);
  const load = report.machine.loadAverage?.map((l) => l.toFixed(1)).join(" -> ");
  process.stdout.write(
    `took ${report.durationSeconds.toFixed(0)} s${load ? `, load average ${load}` : ""}\n`,
  );
  if (options.docs) {
    const name = writeResults(join(ROOT, "docs/benchmarks/results"), report);
    log(`results: docs/benchmarks/results/${name}`);
    const full = !options.quick && options.only.length === 0;
    if (full) updateDocs(join(ROOT, "docs/benchmarks.md"), report, `benchmarks/results/${name}`);
  }
  if (options.json) writeJson(join(ROOT, "bench-results.json"), report);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
