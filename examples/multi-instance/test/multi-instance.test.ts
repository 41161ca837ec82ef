import type { SyncLog } from "@uslimato/core";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { checkRuns } from "../src/check-runs";
import { runTwoInstances } from "../src/run-two-instances";

const CONNECTION = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

describe("two host processes sharing PostgreSQL, scheduled with pg-boss", () => {
  it("runs each slot once, on one instance, never overlapping, and drops its schemas", async () => {
    const report = await runTwoInstances({ connectionString: CONNECTION, integrations: 4, runForMs: 7_000 });
    expect(report.duplicateSlots).toEqual([]);
    expect(report.missedSlots).toEqual([]);
    expect(report.overlaps).toEqual([]);
    expect(report.runs.length).toBeGreaterThanOrEqual(4 * 3);
    expect(report.runs.filter((run) => run.status !== "success").map((run) => run.failureCode)).toEqual([]);
    expect(report.syncLogs).toBe(report.runs.length + report.manual.ran);

    const client = new pg.Client({ connectionString: CONNECTION });
    await client.connect();
    const { rows } = await client.query(
      "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE $1",
      [`${report.schema}%`],
    );
    await client.end();
    expect(rows).toEqual([]);
  }, 45_000);
});

describe("checkRuns", () => {
  const anchor = new Date("2030-01-01T00:00:00.000Z");
  const run = (slot: number, instance = "a") => ({
    event: "run" as const,
    instance,
    integrationId: "i1",
    slot: new Date(anchor.getTime() + slot).toISOString(),
    startedAt: 0,
    finishedAt: 0,
    status: "success",
    failureCode: null,
  });
  const log = (id: string, start: number, end: number) =>
    ({ id, integrationId: "i1", startedAt: new Date(start), finishedAt: new Date(end) }) as SyncLog;
  const integrations = [{ id: "i1", anchor, intervalMs: 1_000 }];
  const window = { from: anchor.getTime(), to: anchor.getTime() + 2_000 };

  it("passes slots that ran once with runs one after another", () => {
    const result = checkRuns({
      runs: [run(0), run(1_000, "b"), run(2_000)],
      logs: [log("x", 0, 5), log("y", 5, 9)],
      integrations,
      window,
    });
    expect(result).toEqual({ byInstance: { a: 2, b: 1 }, duplicateSlots: [], missedSlots: [], overlaps: [] });
  });

  it("finds a slot run twice, a slot never run and two overlapping runs", () => {
    const result = checkRuns({
      runs: [run(0), run(0, "b"), run(2_000)],
      logs: [log("x", 0, 5), log("y", 4, 9)],
      integrations,
      window,
    });
    expect(result.duplicateSlots).toEqual([`i1@${anchor.toISOString()}`]);
    expect(result.missedSlots).toEqual([`i1@${new Date(anchor.getTime() + 1_000).toISOString()}`]);
    expect(result.overlaps).toEqual(["i1: x / y"]);
  });
});
