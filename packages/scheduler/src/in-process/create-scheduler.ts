import { noopLogger } from "@uslimato/core";
import { SchedulerError } from "../errors/scheduler-error";
import { isStaleRun } from "../math/is-stale-run";
import { nextRun, type PlannedRun } from "../math/next-run";
import { scheduleParams } from "../math/schedule-params";
import type { ScheduledIntegration } from "../math/scheduled-integration";
import { slotAt } from "../math/slot-at";
import { DueHeap } from "./due-heap";
import type { Scheduler, SchedulerStatus } from "./scheduler";
import type { SchedulerErrorEvent, SchedulerOptions } from "./scheduler-options";
import { systemTimers } from "./timers";

interface Entry {
  integration: ScheduledIntegration;
  intervalMs: number;
  jitterMs: number;
  adjustmentKey?: string;
  next?: PlannedRun;
  lastRunSlot?: Date;
  running?: { controller: AbortController; done: Promise<void> };
}

// The timer never sleeps longer than this, so a wall-clock jump (or a suspended host) is noticed within a minute:
// timers count elapsed time, the grid is wall-clock time.
const MAX_SLEEP_MS = 60_000;

/**
 * The in-process scheduler, for single-process hosts and the demo. One timer for the soonest due run, whatever
 * the number of integrations; never two runs of one integration at once; on `stop`, no new runs, running ones
 * get `timeoutMs` to finish, then their `AbortSignal` fires and the scheduler waits for them to settle.
 *
 * @example
 * ```ts
 * const scheduler = createScheduler({ source: { list: async () => integrations }, run: (id, { signal }) => hub.syncNow(id, { signal }) });
 * await scheduler.start();
 * process.on("SIGTERM", () => scheduler.stop({ timeoutMs: 10_000 }));
 * ```
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const timers = options.timers ?? systemTimers;
  const logger = options.logger ?? noopLogger;
  const concurrency = options.concurrency ?? 10;
  const entries = new Map<string, Entry>();
  const heap = new DueHeap<{ entry: Entry; next: PlannedRun }>();
  let state: SchedulerStatus["state"] = "created";
  let timer: unknown;
  // Every run in flight, also those of integrations that left the source while running: stop waits for all.
  const inFlight = new Set<{ controller: AbortController; done: Promise<void> }>();

  const report = (event: SchedulerErrorEvent): void => {
    if (options.onError) options.onError(event);
    else logger.error({ err: event.error, integrationId: event.integrationId }, "scheduler: error");
  };

  const plan = (entry: Entry): void => {
    entry.next = entry.integration.enabled
      ? nextRun(entry.integration, {
          now: new Date(timers.now()),
          intervalMs: entry.intervalMs,
          jitter: entry.jitterMs,
          ...(entry.lastRunSlot ? { lastRunSlot: entry.lastRunSlot } : {}),
          ...(options.catchUp ? { catchUp: options.catchUp } : {}),
          ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
        })
      : undefined;
    if (entry.next) heap.push(entry.next.runAt.getTime(), { entry, next: entry.next });
  };
  // A heap item is live while its entry still plans that run, is still listed, and is not running.
  const live = (item: { entry: Entry; next: PlannedRun }): boolean =>
    item.entry.next === item.next &&
    !item.entry.running &&
    entries.get(item.entry.integration.id) === item.entry;

  const upsert = (integration: ScheduledIntegration): void => {
    const previous = entries.get(integration.id);
    let params: ReturnType<typeof scheduleParams>;
    try {
      params = scheduleParams(integration, options);
    } catch (error) {
      entries.delete(integration.id);
      report({ error, integrationId: integration.id });
      return;
    }
    const entry: Entry = previous ?? {
      integration,
      intervalMs: params.intervalMs,
      jitterMs: params.jitterMs,
    };
    const adjustmentKey = params.adjustment
      ? `${params.adjustment.fromMinutes}->${params.adjustment.toMinutes}`
      : undefined;
    if (params.adjustment && adjustmentKey !== entry.adjustmentKey) {
      logger.warn({ ...params.adjustment }, "scheduler: interval adjusted to the plan");
      options.onAdjusted?.(params.adjustment);
    }
    entry.adjustmentKey = adjustmentKey;
    const changed =
      !previous ||
      previous.intervalMs !== params.intervalMs ||
      previous.integration.enabled !== integration.enabled ||
      previous.integration.anchor.getTime() !== integration.anchor.getTime();
    entry.integration = integration;
    entry.intervalMs = params.intervalMs;
    entry.jitterMs = params.jitterMs;
    entry.lastRunSlot ??= integration.lastRunSlot;
    if (changed && !entry.running) plan(entry);
    entries.set(integration.id, entry);
  };

  const load = async (only?: string): Promise<void> => {
    let list: ReadonlyArray<ScheduledIntegration>;
    try {
      list = await options.source.list();
    } catch (cause) {
      report({
        error: new SchedulerError("SCHEDULER_SOURCE_FAILED", "Could not list integrations", { cause }),
      });
      return;
    }
    const seen = new Set<string>();
    for (const integration of list) {
      seen.add(integration.id);
      if (only === undefined || integration.id === only) upsert(integration);
    }
    for (const id of entries.keys()) {
      if (!seen.has(id) && (only === undefined || id === only)) entries.delete(id);
    }
  };

  const disarm = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };

  const arm = (): void => {
    disarm();
    if (state !== "running" || inFlight.size >= concurrency) return;
    let top = heap.peek();
    while (top && !live(top.value)) {
      heap.pop();
      top = heap.peek();
    }
    if (!top) return;
    const delay = Math.min(MAX_SLEEP_MS, Math.max(0, top.at - timers.now()));
    timer = timers.setTimeout(tick, delay);
  };

  const launch = (entry: Entry, slot: Date, trigger: "schedule" | "manual"): Promise<void> => {
    const controller = new AbortController();
    const id = entry.integration.id;
    const running = { controller, done: Promise.resolve() };
    inFlight.add(running);
    // Marked running before `run` is called: a `run` that throws at once settles before `launch` returns.
    entry.running = running;
    const done = (async () => {
      try {
        await options.run(id, { signal: controller.signal, slot, trigger });
      } catch (cause) {
        const error = new SchedulerError("SCHEDULER_RUN_FAILED", `The ${trigger} run of ${id} failed`, {
          cause,
          details: { integrationId: id, slot: slot.toISOString() },
        });
        report({ error, integrationId: id, slot });
        if (trigger === "manual") throw error;
      } finally {
        inFlight.delete(running);
        entry.running = undefined;
        if (trigger === "schedule") entry.lastRunSlot = slot;
        if (trigger === "schedule" || !entry.next) plan(entry);
        else heap.push(entry.next.runAt.getTime(), { entry, next: entry.next });
        arm();
      }
    })();
    running.done = done.catch(() => {});
    return done;
  };

  function tick(): void {
    timer = undefined;
    if (state !== "running") return;
    const now = timers.now();
    for (let top = heap.peek(); top && top.at <= now && inFlight.size < concurrency; top = heap.peek()) {
      heap.pop();
      if (!live(top.value)) continue;
      const { entry, next } = top.value;
      const staleness = { now, intervalMs: entry.intervalMs, jitter: entry.jitterMs };
      const graceMs = options.graceMs === undefined ? {} : { graceMs: options.graceMs };
      // A stale slot is planned again (one catch-up, jittered) rather than run and followed by a catch-up.
      if (isStaleRun(next, { ...staleness, ...graceMs })) plan(entry);
      else void launch(entry, next.slot, "schedule");
    }
    arm();
  }

  return {
    async start() {
      if (state !== "created") return;
      state = "running";
      await load();
      arm();
    },
    pause() {
      if (state === "running") state = "paused";
      disarm();
    },
    resume() {
      if (state !== "paused") return;
      state = "running";
      for (const entry of entries.values()) if (!entry.running) plan(entry);
      arm();
    },
    async refresh(integrationId) {
      if (state === "stopping" || state === "stopped") return;
      await load(integrationId);
      arm();
    },
    runNow(integrationId) {
      const entry = entries.get(integrationId);
      if (state === "stopping" || state === "stopped") {
        return Promise.reject(new SchedulerError("SCHEDULER_STOPPED", "The scheduler is stopped"));
      }
      if (!entry) {
        return Promise.reject(
          new SchedulerError("SCHEDULER_INTEGRATION_UNKNOWN", `Unknown integration ${integrationId}`, {
            details: { integrationId },
          }),
        );
      }
      if (entry.running) {
        return Promise.reject(
          new SchedulerError("SCHEDULER_RUN_ACTIVE", `A run of ${integrationId} is still going`, {
            details: { integrationId },
          }),
        );
      }
      const slot = slotAt(entry.integration.anchor, entry.intervalMs, new Date(timers.now()));
      return launch(entry, slot, "manual");
    },
    async stop({ timeoutMs = 30_000 } = {}) {
      if (state === "stopped") return;
      state = "stopping";
      disarm();
      const running = [...inFlight];
      if (running.length > 0) {
        let deadline: unknown;
        const timedOut = new Promise<"timeout">((resolve) => {
          deadline = timers.setTimeout(() => resolve("timeout"), timeoutMs);
        });
        const all = Promise.all(running.map((r) => r.done));
        const outcome = await Promise.race([all, timedOut]);
        timers.clearTimeout(deadline);
        if (outcome === "timeout") {
          logger.warn({ running: running.length }, "scheduler: stop timeout, aborting running syncs");
          for (const r of running)
            r.controller.abort(new SchedulerError("SCHEDULER_STOPPED", "The scheduler stopped"));
          await all;
        }
      }
      state = "stopped";
    },
    status() {
      const integrations = [...entries.values()].map((e) => ({
        integrationId: e.integration.id,
        intervalMs: e.intervalMs,
        running: e.running !== undefined,
        ...(e.next ? { next: e.next } : {}),
        ...(e.lastRunSlot ? { lastRunSlot: e.lastRunSlot } : {}),
      }));
      return {
        state,
        integrations,
        running: integrations.filter((i) => i.running).map((i) => i.integrationId),
      };
    },
  };
}
