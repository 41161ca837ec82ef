import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStaleRun } from "./is-stale-run";
import { jitterOffset } from "./jitter-offset";
import { nextRun } from "./next-run";

const MIN = 60_000;
const T0 = Date.parse("2024-01-01T00:00:00Z");
const integration = (id: string) => ({
  id,
  tenantId: "t1",
  plan: "enterprise",
  intervalMinutes: 60,
  enabled: true,
  anchor: new Date(T0),
});

describe("isStaleRun", () => {
  it("never calls a run that nextRun just planned stale, so planning again always settles", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 * 7 * 24 * 60 }).map((m) => m * MIN),
        fc.integer({ min: 0, max: 400 * 24 * 3600 }).map((s) => s * 1000),
        fc.integer({ min: 0, max: 400 * 24 * 3600 }).map((s) => s * 1000),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.constantFrom("runOnce" as const, "skip" as const),
        (intervalMs, lastOffset, elapsed, id, catchUp) => {
          const jitter = jitterOffset(id, intervalMs);
          const lastRunSlot = new Date(T0 + Math.floor(lastOffset / intervalMs) * intervalMs);
          const now = new Date(lastRunSlot.getTime() + elapsed);
          const run = nextRun(integration(id), { now, intervalMs, jitter, catchUp, lastRunSlot });
          expect(isStaleRun(run, { now: now.getTime(), intervalMs, jitter })).toBe(false);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("calls stale a run whose newer slot came due, or an on-time run later than the grace", () => {
    const intervalMs = 30 * MIN;
    const run = {
      slot: new Date(T0 + 30 * MIN),
      runAt: new Date(T0 + 32 * MIN),
      catchUp: false,
      missedSlots: 0,
    };
    const at = (minutes: number) => ({ now: T0 + minutes * MIN, intervalMs, jitter: 2 * MIN });
    expect(isStaleRun(run, at(32))).toBe(false);
    expect(isStaleRun(run, at(33))).toBe(false); // one minute late: within the default grace
    expect(isStaleRun(run, at(34))).toBe(true);
    expect(isStaleRun({ ...run, catchUp: true }, at(50))).toBe(false); // a catch-up runs however late
    expect(isStaleRun({ ...run, catchUp: true }, at(62))).toBe(true); // ... unless a newer slot came due
  });
});
