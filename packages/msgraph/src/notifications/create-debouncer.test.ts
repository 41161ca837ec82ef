import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDebouncer } from "./create-debouncer";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createDebouncer", () => {
  it("coalesces a burst into one run per integration", async () => {
    const runs: string[] = [];
    const debouncer = createDebouncer({ waitMs: 100, maxWaitMs: 1000, run: (id) => void runs.push(id) });
    for (let i = 0; i < 5; i++) {
      debouncer.notify("a");
      debouncer.notify("b");
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs.sort()).toEqual(["a", "b"]);
  });

  it("runs at maxWaitMs even when notifications never stop", async () => {
    const runs: string[] = [];
    const debouncer = createDebouncer({ waitMs: 100, maxWaitMs: 300, run: (id) => void runs.push(id) });
    for (let i = 0; i < 10; i++) {
      debouncer.notify("a");
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThanOrEqual(2);
    debouncer.close();
  });

  it("never overlaps runs and schedules exactly one more after a busy run", async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const debouncer = createDebouncer({
      waitMs: 10,
      maxWaitMs: 100,
      run: async () => {
        runs++;
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 500));
        active--;
      },
    });
    debouncer.notify("a");
    await vi.advanceTimersByTimeAsync(20);
    for (let i = 0; i < 5; i++) debouncer.notify("a");
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
  });

  it("reports failures and keeps going; close cancels pending runs", async () => {
    const errors: unknown[] = [];
    const run = vi.fn(async () => {
      throw new Error("boom");
    });
    const debouncer = createDebouncer({
      waitMs: 10,
      maxWaitMs: 100,
      run,
      onError: (_id, e) => void errors.push(e),
    });
    debouncer.notify("a");
    await vi.advanceTimersByTimeAsync(20);
    expect(errors).toHaveLength(1);
    debouncer.notify("a");
    debouncer.close();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledOnce();
  });

  it("close waits for a run that is going and takes no more notifications", async () => {
    let finish: () => void = () => {};
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const debouncer = createDebouncer({ waitMs: 10, maxWaitMs: 100, run });
    debouncer.notify("a");
    await vi.advanceTimersByTimeAsync(20);
    expect(run).toHaveBeenCalledOnce();
    let closed = false;
    const closing = debouncer.close().then(() => (closed = true));
    debouncer.notify("a");
    await vi.advanceTimersByTimeAsync(100);
    expect(closed).toBe(false);
    finish();
    await closing;
    expect(closed).toBe(true);
    expect(run).toHaveBeenCalledOnce();
  });

  it("idle resolves once nothing is pending or running, including the run a notification during a run adds", async () => {
    const finishers: Array<() => void> = [];
    const run = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
    const debouncer = createDebouncer({ waitMs: 10, maxWaitMs: 100, run });
    await debouncer.idle();
    let idle = false;
    debouncer.notify("a");
    const waiting = debouncer.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(20);
    expect(run).toHaveBeenCalledOnce();
    debouncer.notify("a");
    finishers.shift()?.();
    await vi.advanceTimersByTimeAsync(20);
    expect(idle).toBe(false);
    expect(run).toHaveBeenCalledTimes(2);
    finishers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    await waiting;
    expect(idle).toBe(true);
  });
});
