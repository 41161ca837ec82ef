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
});
