/** Options of {@link createDebouncer}. */
export interface DebouncerOptions {
  /** Quiet time after the last notification before running. */
  waitMs: number;
  /** Longest delay after the first notification of a burst, however busy. */
  maxWaitMs: number;
  /** The work, e.g. a delta sync of the integration. Never runs twice at once for one integration. */
  run(integrationId: string): void | Promise<void>;
  /** Called when `run` throws or rejects. */
  onError?(integrationId: string, error: unknown): void;
}

/** Coalesces notifications into one run per integration. */
export interface Debouncer {
  /** Something changed for this integration. */
  notify(integrationId: string): void;
  /**
   * Resolves once no run is pending or going for any integration (at once when none is), so a host or a test can
   * wait for the work notifications started instead of polling.
   */
  idle(): Promise<void>;
  /**
   * Cancels pending runs and takes no more notifications. Runs already going finish; the promise settles once
   * they have (a host awaits it on shutdown before closing its storage).
   */
  close(): Promise<void>;
}

interface Slot {
  timer?: ReturnType<typeof setTimeout>;
  firstAt?: number;
  running: boolean;
  again: boolean;
}

/**
 * Creates a debouncer: a burst of notifications for one integration becomes one `run` after `waitMs` of quiet
 * (at most `maxWaitMs` after the burst began); notifications during a run schedule exactly one more.
 *
 * @example
 * ```ts
 * const debouncer = createDebouncer({ waitMs: 2_000, maxWaitMs: 30_000, run: (id) => hub.sync(id) });
 * const receive = createNotificationReceiver({ lookupSubscription, onChange: (id) => debouncer.notify(id) });
 * ```
 */
export function createDebouncer(options: DebouncerOptions): Debouncer {
  const slots = new Map<string, Slot>();
  const running = new Set<Promise<void>>();
  const waiters: Array<() => void> = [];
  let closed = false;

  function settleIfIdle(): void {
    if (slots.size === 0 && running.size === 0) for (const resolve of waiters.splice(0)) resolve();
  }

  function schedule(integrationId: string, slot: Slot): void {
    const now = Date.now();
    slot.firstAt ??= now;
    if (slot.timer) clearTimeout(slot.timer);
    const delay = Math.max(0, Math.min(options.waitMs, slot.firstAt + options.maxWaitMs - now));
    slot.timer = setTimeout(() => {
      const run = fire(integrationId, slot);
      running.add(run);
      void run.finally(() => {
        running.delete(run);
        settleIfIdle();
      });
    }, delay);
  }

  async function fire(integrationId: string, slot: Slot): Promise<void> {
    slot.timer = undefined;
    slot.firstAt = undefined;
    slot.running = true;
    try {
      await options.run(integrationId);
    } catch (error) {
      options.onError?.(integrationId, error);
    } finally {
      slot.running = false;
      if (slot.again && !closed) {
        slot.again = false;
        schedule(integrationId, slot);
      } else if (!slot.timer) {
        slots.delete(integrationId);
      }
    }
  }

  return {
    notify(integrationId) {
      if (closed) return;
      let slot = slots.get(integrationId);
      if (!slot) {
        slot = { running: false, again: false };
        slots.set(integrationId, slot);
      }
      if (slot.running) slot.again = true;
      else schedule(integrationId, slot);
    },
    idle() {
      if (slots.size === 0 && running.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      for (const slot of slots.values()) if (slot.timer) clearTimeout(slot.timer);
      slots.clear();
      await Promise.all(running);
      settleIfIdle();
    },
  };
}
