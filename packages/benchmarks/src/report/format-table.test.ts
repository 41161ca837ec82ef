import { describe, expect, it } from "vitest";
import type { BenchRow } from "./bench-row";
import { formatMarkdownTable, formatTable } from "./format-table";
import { ratioRow } from "./ratio-row";

const row: BenchRow = {
  suite: "1 full sync",
  case: "floor loop",
  n: 100_000,
  metric: "throughput",
  value: 215_432.7,
  unit: "users/s",
  runs: 5,
  min: 201_000,
  max: 230_000.4,
};

describe("tables", () => {
  it("prints aligned columns with thousands separators", () => {
    const lines = formatTable([
      row,
      { ...row, metric: "vs floor", value: 1.234, min: 1.1, max: 1.3, unit: "x" },
    ]).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain("215,433");
    expect(lines[3]).toContain("1.23");
    expect(new Set(lines.map((l) => l.trimEnd().length)).size).toBeLessThanOrEqual(2);
  });

  it("writes one Markdown line per row under a header", () => {
    const md = formatMarkdownTable([row]).split("\n");
    expect(md[0]).toBe("| suite | case | n | metric | median | min | max | unit | runs |");
    expect(md[2]).toBe(
      "| 1 full sync | floor loop | 100,000 | throughput | 215,433 | 201,000 | 230,000 | users/s | 5 |",
    );
  });
});

describe("ratioRow", () => {
  it("divides round by round and reports the median and range of the ratios", () => {
    const r = ratioRow("s", "sync", 10, "vs floor", [110, 90, 300], [100, 100, 200]);
    expect(r).toMatchObject({ value: 1.1, min: 0.9, max: 1.5, unit: "x", runs: 3 });
  });
});
