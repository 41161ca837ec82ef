import type { PlanTable } from "@uslimato/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ScheduledIntegration } from "../math/scheduled-integration";
import { createScheduler } from "./create-scheduler";
import type { RunContext } from "./scheduler-options";

const MIN = 60_000;
const T0 = Date.parse("2024-01-01T00:00:00Z");
const noJitter = { ratio: 0 };

function integration(id: string, over: Partial<ScheduledIntegration> = {}): ScheduledIntegration {
  return {
    id,
    tenantId: "t1",
    plan: "enterprise",
    intervalMinutes: 30,
    enabled: true,
    anchor: new Date(T0),
    ...over,
  };
}

describe("createScheduler with fake timers", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 + 1 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs each integration once per slot on its grid, with one timer", async () => {
    const runs: Array<[string, number]> = [];
    const list = [
      integration("a", { lastRunSlot: new Date(T0) }),
      integration("b", { intervalMinutes: 60, lastRunSlot: new Date(T0) }),
    ];
    const scheduler = createScheduler({
      source: { list: async () => list },
      run: async (id, { slot }) => {
        runs.push([id, (slot.getTime() - T0) / MIN]);
      },
      jitter: noJitter,
    });
    await scheduler.start();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(2 * 60 * MIN);
    runs.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
    expect(runs).toEqual([
      ["a", 30],
      ["a", 60],
      ["b", 60],
      ["a", 90],
      ["a", 120],
      ["b", 120],
    ]);
    await scheduler.stop();
  });

  it("never starts a run of an integration that is still running", async () => {
    let active = 0;
    let maxActive = 0;
    const slots: number[] = [];
    const scheduler = createScheduler({
      source: { list: async () => [integration("a", { lastRunSlot: new Date(T0) })] },
      run: async (_id, { slot }) => {
        active++;
        maxActive = Math.max(maxActive, active);
        slots.push((slot.getTime() - T0) / MIN);
        await new Promise((resolve) => setTimeout(resolve, 75 * MIN));
        active--;
      },
      jitter: noJitter,
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(4 * 60 * MIN);
    expect(maxActive).toBe(1);
    // 30 runs until 105; the 60 and 90 slots collapse into one catch-up run of slot 90, and so on.
    expect(slots).toEqual([30, 90, 180]);
    const stopping = scheduler.stop();
    await vi.advanceTimersByTimeAsync(75 * MIN);
    await stopping;
  });

  it("pauses and resumes; a slot missed while paused runs once (runOnce) or is skipped (skip)", async () => {
    for (const catchUp of ["runOnce", "skip"] as const) {
      vi.setSystemTime(T0 + 1);
      const slots: number[] = [];
      const scheduler = createScheduler({
        source: { list: async () => [integration("a", { lastRunSlot: new Date(T0) })] },
        run: async (_id, { slot }) => {
          slots.push((slot.getTime() - T0) / MIN);
        },
        jitter: noJitter,
        catchUp,
      });
      await scheduler.start();
      await vi.advanceTimersByTimeAsync(31 * MIN);
      scheduler.pause();
      await vi.advanceTimersByTimeAsync(3 * 60 * MIN);
      expect(slots).toEqual([30]);
      scheduler.resume();
      await vi.advanceTimersByTimeAsync(1);
      expect(slots).toEqual(catchUp === "runOnce" ? [30, 210] : [30]);
      await vi.advanceTimersByTimeAsync(30 * MIN);
      expect(slots.at(-1)).toBe(240);
      await scheduler.stop();
    }
  });

  it("reschedules when the interval changes, and tells the host when a downgrade raises it", async () => {
    let list = [integration("a", { lastRunSlot: new Date(T0) })];
    const slots: number[] = [];
    const adjusted = vi.fn();
    const scheduler = createScheduler({
      source: { list: async () => list },
      run: async (_id, { slot }) => {
        slots.push((slot.getTime() - T0) / MIN);
      },
      jitter: noJitter,
      onAdjusted: adjusted,
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(31 * MIN);
    list = [integration("a", { lastRunSlot: new Date(T0), plan: "professional" })];
    await scheduler.refresh("a");
    expect(adjusted).toHaveBeenCalledWith(
      expect.objectContaining({
        integrationId: "a",
        fromMinutes: 30,
        toMinutes: 60,
        reason: "below-plan-minimum",
      }),
    );
    await vi.advanceTimersByTimeAsync(150 * MIN);
    expect(slots).toEqual([30, 60, 120, 180]);
    await scheduler.refresh();
    expect(adjusted).toHaveBeenCalledTimes(1);
    list = [integration("a", { enabled: false })];
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(5 * 60 * MIN);
    expect(slots).toEqual([30, 60, 120, 180]);
    expect(scheduler.status().integrations[0]?.next).toBeUndefined();
    await scheduler.stop();
  });

  it("runs Sync now without shifting the grid and refuses it while a run is going", async () => {
    const calls: Array<[RunContext["trigger"], number]> = [];
    let release = (): void => {};
    const scheduler = createScheduler({
      source: { list: async () => [integration("a", { lastRunSlot: new Date(T0) })] },
      run: async (_id, { slot, trigger }) => {
        calls.push([trigger, (slot.getTime() - T0) / MIN]);
        if (trigger === "manual") await new Promise<void>((resolve) => (release = resolve));
      },
      jitter: noJitter,
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    const before = scheduler.status().integrations[0]?.next;
    const manual = scheduler.runNow("a");
    await expect(scheduler.runNow("a")).rejects.toMatchObject({ code: "SCHEDULER_RUN_ACTIVE" });
    release();
    await manual;
    expect(scheduler.status().integrations[0]?.next).toEqual(before);
    await vi.advanceTimersByTimeAsync(20 * MIN);
    expect(calls).toEqual([
      ["manual", 0],
      ["schedule", 30],
    ]);
    await expect(scheduler.runNow("zzz")).rejects.toMatchObject({ code: "SCHEDULER_INTEGRATION_UNKNOWN" });
    await scheduler.stop();
  });

  it("on stop takes no more work, waits for running syncs, then aborts them after the timeout", async () => {
    const signals: AbortSignal[] = [];
    const scheduler = createScheduler({
      source: {
        list: async () => [
          integration("a", { lastRunSlot: new Date(T0) }),
          integration("b", { lastRunSlot: new Date(T0) }),
        ],
      },
      run: (_id, { signal }) =>
        new Promise<void>((_resolve, reject) => {
          signals.push(signal);
          signal.addEventListener("abort", () => reject(signal.reason));
        }),
      jitter: noJitter,
      onError: () => {},
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(scheduler.status().running).toEqual(["a", "b"]);
    let stopped = false;
    const stopping = scheduler.stop({ timeoutMs: 5_000 }).then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(stopped).toBe(false);
    expect(signals.every((s) => !s.aborted)).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(signals.every((s) => s.aborted)).toBe(true);
    expect(scheduler.status().state).toBe("stopped");
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(signals).toHaveLength(2);
  });

  it("reports a failed run and keeps the schedule going", async () => {
    const errors: unknown[] = [];
    let n = 0;
    const scheduler = createScheduler({
      source: { list: async () => [integration("a", { lastRunSlot: new Date(T0) })] },
      run: async () => {
        n++;
        if (n === 1) throw new Error("boom");
      },
      jitter: noJitter,
      onError: (event) => errors.push(event.error),
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(n).toBe(2);
    expect(errors).toEqual([expect.objectContaining({ code: "SCHEDULER_RUN_FAILED" })]);
    await scheduler.stop();
  });

  it("on stop also waits for a run whose integration left the source while it ran", async () => {
    let list = [integration("a", { lastRunSlot: new Date(T0) })];
    const signals: AbortSignal[] = [];
    let settled = false;
    const scheduler = createScheduler({
      source: { list: async () => list },
      run: (_id, { signal }) =>
        new Promise<void>((_resolve, reject) => {
          signals.push(signal);
          signal.addEventListener("abort", () => {
            settled = true;
            reject(signal.reason);
          });
        }),
      jitter: noJitter,
      onError: () => {},
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(signals).toHaveLength(1);
    list = [];
    await scheduler.refresh();
    expect(scheduler.status().integrations).toEqual([]);
    let stopped = false;
    const stopping = scheduler.stop({ timeoutMs: 1_000 }).then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(signals[0]?.aborted).toBe(true);
    expect(settled).toBe(true);
  });

  it("reports a run that throws before returning a promise, and keeps the schedule going", async () => {
    const errors: unknown[] = [];
    const slots: number[] = [];
    const scheduler = createScheduler({
      source: { list: async () => [integration("a", { lastRunSlot: new Date(T0) })] },
      run: (_id, { slot }) => {
        slots.push((slot.getTime() - T0) / MIN);
        if (slots.length === 1) throw new Error("thrown at once");
        return Promise.resolve();
      },
      jitter: noJitter,
      onError: (event) => errors.push(event.error),
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(errors).toEqual([expect.objectContaining({ code: "SCHEDULER_RUN_FAILED" })]);
    expect(slots).toEqual([30, 60]);
    expect(scheduler.status().running).toEqual([]);
    await scheduler.stop();
  });

  it("after a clock jump forward runs each integration once (one jittered catch-up), never the stale slot too", async () => {
    const list = Array.from({ length: 1_000 }, (_, i) => integration(`i${i}`, { lastRunSlot: new Date(T0) }));
    const runs: Array<{ id: string; slot: number; at: number }> = [];
    const scheduler = createScheduler({
      source: { list: async () => list },
      run: async (id, { slot }) => {
        runs.push({ id, slot: (slot.getTime() - T0) / MIN, at: Date.now() });
      },
      concurrency: 1_000,
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(runs).toEqual([]);
    // The wall clock jumps 5 hours ahead (NTP step, or a host suspended and resumed); timers keep their delays.
    const jumped = T0 + 310 * MIN;
    vi.setSystemTime(jumped);
    await vi.advanceTimersByTimeAsync(60 * MIN);
    const byId = new Map<string, number[]>();
    for (const run of runs) byId.set(run.id, [...(byId.get(run.id) ?? []), run.slot]);
    expect(byId.size).toBe(1_000);
    // One catch-up for the latest slot (300), then the grid as usual: 330 and 360.
    for (const slots of byId.values()) expect(slots).toEqual([300, 330, 360]);
    // The catch-ups start within the jitter window (3 min for 30-minute slots) after the jump is noticed, spread.
    const catchUps = runs.filter((r) => r.slot === 300).map((r) => r.at - jumped);
    expect(Math.min(...catchUps)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...catchUps)).toBeLessThan(4 * MIN);
    expect(new Set(catchUps.map((at) => Math.floor(at / 10_000))).size).toBeGreaterThan(10);
    await scheduler.stop();
  });

  it("after a host resumes past due slots spreads their runs with the jitter instead of starting all at once", async () => {
    const list = Array.from({ length: 200 }, (_, i) =>
      integration(`i${i}`, { intervalMinutes: 60, lastRunSlot: new Date(T0) }),
    );
    const runs: Array<{ slot: number; at: number }> = [];
    const scheduler = createScheduler({
      source: { list: async () => list },
      run: async (_id, { slot }) => {
        runs.push({ slot: (slot.getTime() - T0) / MIN, at: Date.now() });
      },
      concurrency: 200,
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(50 * MIN);
    const resumed = T0 + 70 * MIN; // suspended for 20 minutes over the slot at 60 (jitter up to 6 minutes)
    vi.setSystemTime(resumed);
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(runs.map((r) => r.slot)).toEqual(Array.from({ length: 200 }, () => 60));
    const starts = runs.map((r) => r.at - resumed);
    expect(Math.max(...starts)).toBeLessThan(7 * MIN);
    expect(new Set(starts.map((at) => Math.floor(at / 10_000))).size).toBeGreaterThan(10);
    await scheduler.stop();
  });

  it("schedules 10,000 integrations with a single timer, jittered across the window", async () => {
    const list = Array.from({ length: 10_000 }, (_, i) =>
      integration(`i${i}`, { lastRunSlot: new Date(T0) }),
    );
    let count = 0;
    const scheduler = createScheduler({
      source: { list: async () => list },
      run: async () => void count++,
      concurrency: 10_000,
    });
    await scheduler.start();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(31.5 * MIN);
    expect(count).toBeGreaterThan(3_000);
    expect(count).toBeLessThan(7_000);
    await vi.advanceTimersByTimeAsync(1.5 * MIN);
    expect(count).toBe(10_000);
    await scheduler.stop();
  });
});

describe("createScheduler with real short intervals", () => {
  it("runs every integration once per slot without overlap", async () => {
    const testPlans: PlanTable = { test: { name: "Test", interfaceHub: true, minIntervalMinutes: 1 } };
    const start = Date.now();
    const anchor = new Date(start - (start % 200) + 200);
    const list = Array.from({ length: 20 }, (_, i) =>
      integration(`r${i}`, { plan: "test", intervalMinutes: 2, anchor }),
    );
    const seen = new Map<string, number>();
    let active = 0;
    let overlap = false;
    const running = new Set<string>();
    const scheduler = createScheduler({
      source: { list: async () => list },
      run: async (id, { slot }) => {
        if (running.has(id)) overlap = true;
        running.add(id);
        active++;
        const key = `${id}@${slot.getTime()}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running.delete(id);
        active--;
      },
      planTable: testPlans,
      intervalUnitMs: 100,
      jitter: { ratio: 0.2 },
    });
    await scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await scheduler.stop({ timeoutMs: 1_000 });
    expect(overlap).toBe(false);
    expect(active).toBe(0);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    // 1 s of 200 ms slots: about five slots for each of the 20 integrations.
    expect(seen.size).toBeGreaterThanOrEqual(20 * 3);
    for (const id of list.map((i) => i.id)) {
      const slots = [...seen.keys()]
        .filter((k) => k.startsWith(`${id}@`))
        .map((k) => Number(k.split("@")[1]));
      slots.sort((x, y) => x - y);
      for (let i = 1; i < slots.length; i++) expect((slots[i] ?? 0) - (slots[i - 1] ?? 0)).toBe(200);
    }
  });
});
