import { DEFAULT_PLANS, MAX_INTERVAL_MINUTES } from "@uslimato/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveInterval } from "./effective-interval";
import { jitterBound, jitterOffset } from "./jitter-offset";
import { nextRun } from "./next-run";
import type { ScheduledIntegration } from "./scheduled-integration";
import { slotAt } from "./slot-at";

const MIN = 60_000;
const T0 = Date.parse("2024-01-01T00:00:00Z");

function integration(over: Partial<ScheduledIntegration> = {}): ScheduledIntegration {
  return {
    id: "int-1",
    tenantId: "t1",
    plan: "enterprise",
    intervalMinutes: 60,
    enabled: true,
    anchor: new Date(T0),
    ...over,
  };
}

const arbPlan = fc.constantFrom("free", "starter", "professional", "enterprise");
const arbCase = fc.record({
  intervalMs: fc.integer({ min: 30, max: MAX_INTERVAL_MINUTES }).map((m) => m * MIN),
  anchorOffset: fc.integer({ min: 0, max: 365 * 24 * 60 }).map((m) => m * MIN),
  elapsed: fc.integer({ min: 0, max: 2 * 365 * 24 * 3600 }).map((s) => s * 1000),
  jitterRatio: fc.double({ min: 0, max: 0.5, noNaN: true }),
  id: fc.string({ minLength: 1, maxLength: 40 }),
  catchUp: fc.constantFrom("runOnce" as const, "skip" as const),
});

describe("effectiveInterval", () => {
  it("is never below the plan minimum and never above 2 weeks", () => {
    fc.assert(
      fc.property(arbPlan, fc.integer({ min: -100, max: 4 * MAX_INTERVAL_MINUTES }), (plan, minutes) => {
        const { intervalMinutes, adjustment } = effectiveInterval(
          integration({ plan, intervalMinutes: minutes }),
        );
        const min = DEFAULT_PLANS[plan]?.minIntervalMinutes ?? 0;
        expect(intervalMinutes).toBeGreaterThanOrEqual(min);
        expect(intervalMinutes).toBeLessThanOrEqual(MAX_INTERVAL_MINUTES);
        if (adjustment === undefined) expect(intervalMinutes).toBe(minutes);
        else expect(adjustment.toMinutes).toBe(intervalMinutes);
      }),
    );
  });

  it("raises an interval to the plan minimum after a downgrade and reports it", () => {
    const result = effectiveInterval(integration({ plan: "free", intervalMinutes: 30 }));
    expect(result.intervalMinutes).toBe(24 * 60);
    expect(result.adjustment).toMatchObject({
      reason: "below-plan-minimum",
      fromMinutes: 30,
      toMinutes: 1440,
    });
  });

  it("keeps an allowed interval as it is", () => {
    expect(effectiveInterval(integration({ plan: "starter", intervalMinutes: 300 }))).toEqual({
      intervalMinutes: 300,
    });
  });

  it("throws core's PLAN_UNKNOWN for a plan missing from the table", () => {
    expect(() => effectiveInterval(integration({ plan: "gold" }))).toThrow(
      expect.objectContaining({ code: "PLAN_UNKNOWN" }),
    );
  });
});

describe("slotAt", () => {
  it("is the latest grid point not after now", () => {
    fc.assert(
      fc.property(arbCase, ({ intervalMs, anchorOffset, elapsed }) => {
        const anchor = new Date(T0 + anchorOffset);
        const now = new Date(anchor.getTime() + elapsed);
        const slot = slotAt(anchor, intervalMs, now).getTime();
        expect(slot).toBeLessThanOrEqual(now.getTime());
        expect(slot + intervalMs).toBeGreaterThan(now.getTime());
        expect((slot - anchor.getTime()) % intervalMs).toBe(0);
      }),
    );
  });
});

describe("jitterOffset", () => {
  it("stays within min(maxMs, ratio * interval) and is stable per integration", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 1, max: MAX_INTERVAL_MINUTES * MIN }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 3_600_000 }),
        (id, intervalMs, ratio, maxMs) => {
          const offset = jitterOffset(id, intervalMs, { ratio, maxMs });
          const bound = jitterBound(intervalMs, { ratio, maxMs });
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(bound === 0 ? offset === 0 : offset < bound).toBe(true);
          expect(bound).toBeLessThanOrEqual(Math.min(maxMs, intervalMs / 2));
          expect(jitterOffset(id, intervalMs, { ratio, maxMs })).toBe(offset);
        },
      ),
    );
  });

  it("spreads thousands of integrations over the window", () => {
    const intervalMs = 60 * MIN;
    const bound = jitterBound(intervalMs);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const offset = jitterOffset(`integration-${i}`, intervalMs);
      buckets[Math.floor((offset / bound) * 10)] = (buckets[Math.floor((offset / bound) * 10)] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(800);
  });
});

describe("nextRun", () => {
  it("is on the grid, at slot + jitter or later, never in the past unless due, one interval apart at most", () => {
    fc.assert(
      fc.property(arbCase, ({ intervalMs, anchorOffset, elapsed, jitterRatio, id, catchUp }) => {
        const anchor = new Date(T0 + anchorOffset);
        const now = new Date(anchor.getTime() + elapsed);
        const jitter = jitterOffset(id, intervalMs, { ratio: jitterRatio });
        const run = nextRun(integration({ id, anchor }), { now, intervalMs, jitter, catchUp });
        expect((run.slot.getTime() - anchor.getTime()) % intervalMs).toBe(0);
        expect(run.runAt.getTime()).toBeGreaterThanOrEqual(run.slot.getTime() + jitter);
        expect(run.slot.getTime()).toBeLessThanOrEqual(now.getTime() + intervalMs);
        expect(run.runAt.getTime()).toBeLessThanOrEqual(now.getTime() + intervalMs + jitter);
      }),
    );
  });

  it("never plans a slot already run, and never more than one run after any downtime (no catch-up storm)", () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.integer({ min: 0, max: 500 }),
        ({ intervalMs, anchorOffset, elapsed, jitterRatio, id, catchUp }, downSlots) => {
          const anchor = new Date(T0 + anchorOffset);
          const jitter = jitterOffset(id, intervalMs, { ratio: jitterRatio });
          const lastRunSlot = slotAt(anchor, intervalMs, new Date(anchor.getTime() + elapsed));
          const now = new Date(lastRunSlot.getTime() + downSlots * intervalMs + (elapsed % intervalMs));
          const run = nextRun(integration({ id, anchor }), { now, intervalMs, jitter, catchUp, lastRunSlot });
          expect(run.slot.getTime()).toBeGreaterThan(lastRunSlot.getTime());
          // One plan for the whole gap: after running it, the following one is a full grid step later.
          const after = nextRun(integration({ id, anchor }), {
            now: run.runAt,
            intervalMs,
            jitter,
            catchUp,
            lastRunSlot: run.slot,
          });
          expect(after.slot.getTime()).toBe(run.slot.getTime() + intervalMs);
          expect(after.catchUp).toBe(false);
          if (run.catchUp) {
            // Catch-up runs start within the jitter window after now, spread per integration.
            expect(run.runAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
            expect(run.runAt.getTime()).toBeLessThanOrEqual(now.getTime() + jitter);
          }
        },
      ),
    );
  });

  it("collapses missed slots into one catch-up run (runOnce) or skips to the next slot (skip)", () => {
    const intervalMs = 60 * MIN;
    const lastRunSlot = new Date(T0 + 2 * intervalMs);
    const now = new Date(T0 + 10 * intervalMs + 20 * MIN);
    const runOnce = nextRun(integration(), {
      now,
      intervalMs,
      lastRunSlot,
      catchUp: "runOnce",
      jitter: 5 * MIN,
    });
    expect(runOnce).toEqual({
      slot: new Date(T0 + 10 * intervalMs),
      runAt: new Date(now.getTime() + 5 * MIN),
      catchUp: true,
      missedSlots: 7,
    });
    const skip = nextRun(integration(), { now, intervalMs, lastRunSlot, catchUp: "skip", jitter: 5 * MIN });
    expect(skip).toEqual({
      slot: new Date(T0 + 11 * intervalMs),
      runAt: new Date(T0 + 11 * intervalMs + 5 * MIN),
      catchUp: false,
      missedSlots: 8,
    });
  });

  it("runs an on-time slot at slot + jitter, and the first slot at the anchor", () => {
    const intervalMs = 60 * MIN;
    const onTime = nextRun(integration(), {
      now: new Date(T0 + 3 * intervalMs + 5 * MIN + 10),
      intervalMs,
      jitter: 5 * MIN,
      lastRunSlot: new Date(T0 + 2 * intervalMs),
    });
    expect(onTime).toMatchObject({
      slot: new Date(T0 + 3 * intervalMs),
      runAt: new Date(T0 + 3 * intervalMs + 5 * MIN),
      catchUp: false,
    });
    const first = nextRun(integration(), { now: new Date(T0 - MIN), intervalMs, jitter: 7 });
    expect(first).toMatchObject({ slot: new Date(T0), runAt: new Date(T0 + 7) });
  });

  it("is not shifted by a manual Sync now: only scheduled slots count", () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.integer({ min: 0, max: 10_000_000 }),
        ({ intervalMs, anchorOffset, elapsed, id }, manualDelay) => {
          const anchor = new Date(T0 + anchorOffset);
          const now = new Date(anchor.getTime() + elapsed);
          const jitter = jitterOffset(id, intervalMs);
          const lastRunSlot = slotAt(anchor, intervalMs, now);
          const before = nextRun(integration({ id, anchor }), { now, intervalMs, jitter, lastRunSlot });
          // The host ran "Sync now" a moment later: the scheduler is asked again with the same last scheduled slot.
          const later = new Date(Math.min(now.getTime() + manualDelay, before.runAt.getTime()));
          const after = nextRun(integration({ id, anchor }), { now: later, intervalMs, jitter, lastRunSlot });
          expect(after.slot).toEqual(before.slot);
          expect(after.runAt).toEqual(before.runAt);
        },
      ),
    );
  });
});
