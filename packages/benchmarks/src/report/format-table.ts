import type { BenchRow } from "./bench-row";
import { formatValue } from "./format-value";

const HEADER = ["suite", "case", "n", "metric", "median", "min", "max", "unit", "runs"];

const cellsOf = (row: BenchRow): string[] => [
  row.suite,
  row.case,
  row.n.toLocaleString("en-US"),
  row.metric,
  formatValue(row.value),
  formatValue(row.min),
  formatValue(row.max),
  row.unit,
  String(row.runs),
];

/** The rows as an aligned plain-text table for stdout. */
export function formatTable(rows: ReadonlyArray<BenchRow>): string {
  const lines = [HEADER, ...rows.map(cellsOf)];
  const widths = HEADER.map((_, i) => Math.max(...lines.map((cells) => cells[i]?.length ?? 0)));
  const numeric = new Set([2, 4, 5, 6, 8]);
  const render = (cells: string[]) =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  return [render(HEADER), widths.map((w) => "-".repeat(w)).join("  "), ...lines.slice(1).map(render)].join(
    "\n",
  );
}

/** The rows as a Markdown table for docs/benchmarks.md. */
export function formatMarkdownTable(rows: ReadonlyArray<BenchRow>): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(HEADER), line(HEADER.map(() => "---")), ...rows.map((r) => line(cellsOf(r)))].join("\n");
}
