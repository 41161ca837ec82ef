import { formatMarkdownTable } from "./format-table";
import type { RunReport } from "./run-report";

/** The Markdown section of one run, the latest results of docs/benchmarks.md. */
export function formatRunSection(report: RunReport): string {
  const m = report.machine;
  const lines = [
    `### ${m.date.slice(0, 16).replace("T", " ")} UTC: \`${report.command}\``,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}. Node ${m.node}. ` +
      (m.loadAverage
        ? `Load average ${m.loadAverage[0].toFixed(1)} at the start, ${m.loadAverage[1].toFixed(1)} at the end. `
        : "") +
      `Graph server: ${report.simulator}. Took ${report.durationSeconds.toFixed(0)} s.`,
    "",
  ];
  if (report.goals.length > 0) {
    lines.push("Goals:", "");
    for (const g of report.goals)
      lines.push(`- ${g.met ? "met" : "NOT met"}: ${g.suite}: ${g.goal}: ${g.detail}`);
    lines.push("");
  }
  for (const s of report.skipped) lines.push(`- skipped: ${s.suite}: ${s.reason}`);
  for (const note of report.notes) lines.push(`- note: ${note}`);
  if (report.skipped.length + report.notes.length > 0) lines.push("");
  lines.push(formatMarkdownTable(report.rows), "");
  return lines.join("\n");
}
