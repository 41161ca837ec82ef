import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunReport } from "./run-report";
import { updateDocs } from "./update-docs";
import { writeResults } from "./write-results";

const report = (command: string, value: number): RunReport => ({
  command,
  machine: {
    cpu: "Test CPU",
    cores: 2,
    memoryGiB: 8,
    os: "linux 6",
    node: "v24.0.0",
    date: "2026-12-03T09:41:12.000Z",
  },
  simulator: "@uslimato/simulators",
  rows: [
    {
      suite: "1 full sync",
      case: "floor loop",
      n: 1000,
      metric: "wall",
      value,
      unit: "ms",
      runs: 3,
      min: 1,
      max: 9,
    },
  ],
  goals: [{ suite: "1 full sync", goal: "sync vs floor", met: true, detail: "1.10 x" }],
  skipped: [],
  notes: [],
  durationSeconds: 12,
});

describe("the benchmark results", () => {
  it("keeps each run as one JSON file named after its minute and command", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-results-"));
    const name = writeResults(dir, report("pnpm bench --quick --only=storage", 5));
    expect(name).toBe("2026-12-03T09-41Z-bench-quick-only-storage.json");
    expect(readdirSync(dir)).toEqual([name]);
    expect(JSON.parse(readFileSync(join(dir, name), "utf8"))).toEqual(
      report("pnpm bench --quick --only=storage", 5),
    );
  });

  it("replaces the latest figures of the page, keeping everything around them", () => {
    const file = join(mkdtempSync(join(tmpdir(), "bench-docs-")), "benchmarks.md");
    writeFileSync(
      file,
      "# Benchmarks\n\nmethod\n\n<!-- bench:latest:start -->\nold\n<!-- bench:latest:end -->\n\ntail\n",
    );
    updateDocs(file, report("pnpm bench", 7), "benchmarks/results/a.json");
    updateDocs(file, report("pnpm bench", 8), "benchmarks/results/b.json");
    const page = readFileSync(file, "utf8");
    expect(page.startsWith("# Benchmarks\n\nmethod\n\n<!-- bench:latest:start -->\n")).toBe(true);
    expect(page.endsWith("<!-- bench:latest:end -->\n\ntail\n")).toBe(true);
    expect(page).not.toContain("old");
    expect(page).not.toContain("a.json");
    expect(page).toContain("[benchmarks/results/b.json](benchmarks/results/b.json)");
    expect(page.match(/\| floor loop \|/g)).toHaveLength(1);
  });

  it("refuses a page without the latest-results markers instead of appending to it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "bench-docs-")), "benchmarks.md");
    writeFileSync(file, "# Benchmarks\n");
    expect(() => updateDocs(file, report("pnpm bench", 7), "x.json")).toThrow(/bench:latest:start/);
  });
});
