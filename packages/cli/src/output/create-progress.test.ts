import type { SyncProgress } from "@uslimato/core";
import { describe, expect, it } from "vitest";
import { createColors } from "./colors";
import { createProgress, describeProgress } from "./create-progress";

const progress = (pages: number, processed: number, elapsedMs: number): SyncProgress => ({
  syncId: "s",
  integrationId: "i",
  pages,
  elapsedMs,
  counts: { processed, created: processed, updated: 0, deactivated: 0, failed: 0 },
});

describe("progress", () => {
  const colors = createColors(false);
  it("describes pages, users, users/s and, with a total, a bar and a percentage", () => {
    expect(describeProgress(progress(2, 2000, 1000), colors)).toBe("pages 2  users 2,000  2,000 users/s");
    expect(describeProgress(progress(2, 2000, 1000), colors, undefined, true, "devices")).toBe(
      "pages 2  devices 2,000  2,000 devices/s",
    );
    expect(describeProgress(progress(1, 500, 500), colors, 1000)).toMatch(
      /^█{14}░{14} {2}50% {2}pages 1 {2}users 500\/1,000/,
    );
  });
  it("bar mode redraws one line; lines mode prints at most one line per interval plus the last; silent prints nothing", () => {
    const run = (mode: "bar" | "lines" | "silent") => {
      const written: string[] = [];
      let now = 0;
      const p = createProgress({
        stream: { write: (t: string) => written.push(t) },
        colors,
        mode,
        now: () => now,
      });
      for (let i = 1; i <= 5; i++) {
        now += 400;
        p.update(progress(i, i * 10, now));
      }
      p.done();
      return written;
    };
    const bar = run("bar");
    expect(bar.every((t) => t.startsWith("\r"))).toBe(true);
    expect(bar.at(-1)?.endsWith("\n")).toBe(true);
    const lines = run("lines");
    expect(lines.map((l) => /pages (\d)/.exec(l)?.[1])).toEqual(["1", "4", "5"]);
    expect(lines.join("")).not.toContain("\r");
    expect(lines.join("")).not.toContain("█");
    expect(run("silent")).toEqual([]);
  });
  it("bar mode drops the bar on a terminal too narrow for it, so the redrawn line never wraps", () => {
    const draw = (columns: number) => {
      const written: string[] = [];
      const p = createProgress({
        stream: { write: (t: string) => written.push(t), isTTY: true, columns },
        colors,
        mode: "bar",
        total: 50_000,
      });
      p.update(progress(10, 9_990, 1000));
      p.done();
      return written;
    };
    const wide = draw(120);
    expect(wide.every((t) => t.includes("█"))).toBe(true);
    const narrow = draw(60);
    expect(narrow.some((t) => t.includes("█") || t.includes("░"))).toBe(false);
    expect(narrow.at(-1)?.startsWith("\r\u001b[2K")).toBe(true);
    expect(narrow.at(-1)).toMatch(/2K {3}19% {2}pages 10 {2}users 9,990\/50,000/);
  });
});
