/** The clock and the one timer the in-process scheduler uses; injectable for tests. */
export interface SchedulerTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The global clock and timers, looked up at each call so that fake timers installed after the scheduler was
 * created (vitest's `vi.useFakeTimers()`) are honoured.
 */
export const systemTimers: SchedulerTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = globalThis.setTimeout(fn, ms);
    if (typeof handle === "object" && handle !== null && "unref" in handle) handle.unref();
    return handle;
  },
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
