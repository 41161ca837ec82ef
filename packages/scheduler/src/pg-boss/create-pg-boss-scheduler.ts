import { noopLogger } from "@uslimato/core";
import { PgBoss } from "pg-boss";
import { SchedulerError } from "../errors/scheduler-error";
import type { SchedulerErrorEvent } from "../in-process/scheduler-options";
import { type ScheduleParams, scheduleParams } from "../math/schedule-params";
import type { ScheduledIntegration } from "../math/scheduled-integration";
import { dueSlots } from "./due-slots";
import { inChunks } from "./in-chunks";
import type { EnqueueResult, PgBossScheduler } from "./pg-boss-scheduler";
import type { PgBossSchedulerOptions } from "./pg-boss-scheduler-options";
import { slotJobId } from "./slot-job-id";

interface SlotJob {
  integrationId: string;
  tenantId: string;
  slot: string;
}

interface Known {
  integration: ScheduledIntegration;
  params: ScheduleParams;
}

const INSERT_CHUNK = 1_000;
const INSERT_CONCURRENCY = 2;
const DAY_SECONDS = 86_400;

/**
 * The scheduler for hosts running several instances, on pg-boss (PostgreSQL). Every instance enqueues due slots
 * with a job id derived from (integration, slot), so a slot is enqueued once however many instances try; the
 * queue's `singleton` policy keyed by integration lets only one run of an integration be active at a time;
 * pg-boss retries failed and crashed runs with backoff and dead-letters those that keep failing; each job
 * carries its tenant as its group, so `tenantConcurrency` caps one tenant's runs across all instances.
 *
 * @example
 * ```ts
 * const scheduler = createPgBossScheduler({ connectionString, source, run: (id, { signal }) => hub.syncNow(id, { signal }) });
 * await scheduler.start();
 * ```
 */
export function createPgBossScheduler(options: PgBossSchedulerOptions): PgBossScheduler {
  const queue = options.queue ?? "uslimato-sync";
  const deadLetterQueue = `${queue}-dead`;
  const tickMs = options.tickMs ?? 30_000;
  const lookaheadMs = options.lookaheadMs ?? 2 * tickMs;
  const logger = options.logger ?? noopLogger;
  const heartbeatSeconds = options.heartbeatSeconds ?? 60;
  const known = new Map<string, Known>();
  const enqueued = new Map<string, Set<number>>();
  const reported = new Map<string, string>();
  let boss: PgBoss | undefined = options.boss;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let ticking: Promise<unknown> = Promise.resolve();
  let stopped = false;
  /** Jobs whose run ended and whose completion is being written: a stop waits for them (see `stop`). */
  const settling = new Set<Promise<unknown>>();

  if (!options.boss && !options.connectionString) {
    throw new SchedulerError(
      "SCHEDULER_OPTIONS_INVALID",
      "createPgBossScheduler needs `boss` or `connectionString`",
    );
  }
  if (!Number.isInteger(heartbeatSeconds) || heartbeatSeconds < 10) {
    throw new SchedulerError("SCHEDULER_OPTIONS_INVALID", "`heartbeatSeconds` must be a whole number >= 10", {
      details: { heartbeatSeconds },
    });
  }

  const report = (event: SchedulerErrorEvent): void => {
    if (options.onError) options.onError(event);
    else logger.error({ err: event.error, integrationId: event.integrationId }, "pg-boss scheduler: error");
  };

  const load = async (): Promise<void> => {
    const list = await options.source.list();
    known.clear();
    for (const integration of list) {
      try {
        const params = scheduleParams(integration, options);
        known.set(integration.id, { integration, params });
        const key = params.adjustment
          ? `${params.adjustment.fromMinutes}->${params.adjustment.toMinutes}`
          : "";
        if (params.adjustment && reported.get(integration.id) !== key)
          options.onAdjusted?.(params.adjustment);
        reported.set(integration.id, key);
      } catch (error) {
        report({ error, integrationId: integration.id });
      }
    }
  };

  const enqueueDue = async (at?: Date): Promise<EnqueueResult> => {
    if (!boss) throw new SchedulerError("SCHEDULER_STOPPED", "The pg-boss scheduler is not started");
    await load();
    const now = at ?? new Date();
    const jobs: Array<{
      id: string;
      integrationId: string;
      slot: number;
      job: Parameters<PgBoss["insert"]>[1][number];
    }> = [];
    let considered = 0;
    for (const { integration, params } of known.values()) {
      if (!integration.enabled) continue;
      considered++;
      const done = enqueued.get(integration.id) ?? new Set<number>();
      enqueued.set(integration.id, done);
      const runs = dueSlots(integration, {
        now,
        intervalMs: params.intervalMs,
        jitter: params.jitterMs,
        lookaheadMs,
        ...(options.catchUp ? { catchUp: options.catchUp } : {}),
        ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
      });
      for (const run of runs) {
        const slot = run.slot.getTime();
        if (done.has(slot)) continue;
        const id = slotJobId(integration.id, run.slot);
        const data: SlotJob = {
          integrationId: integration.id,
          tenantId: integration.tenantId,
          slot: run.slot.toISOString(),
        };
        jobs.push({
          id,
          integrationId: integration.id,
          slot,
          job: {
            id,
            data,
            startAfter: run.runAt,
            singletonKey: integration.id,
            group: { id: integration.tenantId },
            heartbeatSeconds,
            deleteAfterSeconds: Math.max(7 * DAY_SECONDS, Math.ceil((2 * params.intervalMs) / 1000)),
          },
        });
      }
    }
    // Two inserts at once: the database builds one chunk's index entries while the next chunk is on the wire.
    const writer = boss;
    await inChunks(jobs, { chunkSize: INSERT_CHUNK, concurrency: INSERT_CONCURRENCY }, async (chunk) => {
      await writer.insert(
        queue,
        chunk.map((j) => j.job),
      );
      for (const j of chunk) enqueued.get(j.integrationId)?.add(j.slot);
    });
    // Forget slots that can no longer be enqueued again, so the memo stays small.
    const horizon = now.getTime() - DAY_SECONDS * 1000;
    for (const [id, slots] of enqueued) {
      const interval = known.get(id)?.params.intervalMs ?? 0;
      for (const slot of slots)
        if (slot < Math.min(horizon, now.getTime() - 2 * interval)) slots.delete(slot);
    }
    return { considered, enqueued: jobs.length };
  };

  const runJob = async (job: {
    id: string;
    data: SlotJob;
    signal: AbortSignal;
    retryCount: number;
  }): Promise<void> => {
    const { integrationId } = job.data;
    const slot = new Date(job.data.slot);
    let entry = known.get(integrationId);
    if (!entry) {
      await load();
      entry = known.get(integrationId);
    }
    const onGrid =
      entry !== undefined &&
      (slot.getTime() - entry.integration.anchor.getTime()) % entry.params.intervalMs === 0;
    if (!entry?.integration.enabled || !onGrid) {
      logger.info(
        { integrationId, slot: job.data.slot },
        "pg-boss scheduler: slot no longer scheduled, skipped",
      );
      return;
    }
    await options.run(integrationId, { signal: job.signal, slot, trigger: "schedule" });
  };

  const tick = (): void => {
    ticking = ticking
      .then(() => enqueueDue())
      .catch((cause) =>
        report({
          error: new SchedulerError("SCHEDULER_SOURCE_FAILED", "Could not enqueue due slots", { cause }),
        }),
      );
  };

  return {
    queue,
    deadLetterQueue,
    get boss() {
      return boss;
    },
    async start() {
      if (!boss) {
        boss = new PgBoss({
          ...options.bossOptions,
          ...(options.connectionString ? { connectionString: options.connectionString } : {}),
          ...(options.schema ? { schema: options.schema } : {}),
        });
        boss.on("error", (error) => report({ error }));
        await boss.start();
      }
      if (!(await boss.getQueue(deadLetterQueue))) await boss.createQueue(deadLetterQueue);
      if (!(await boss.getQueue(queue))) {
        await boss.createQueue(queue, {
          policy: "singleton",
          deadLetter: deadLetterQueue,
          retryLimit: options.retryLimit ?? 3,
          retryDelay: options.retryDelaySeconds ?? 30,
          retryBackoff: true,
          expireInSeconds: options.expireInSeconds ?? 3_600,
          heartbeatSeconds,
        });
      }
      await load();
      const worker = boss;
      await worker.work<SlotJob>(
        queue,
        {
          batchSize: options.localConcurrency ?? 10,
          burstWhenBatchFull: true,
          groupConcurrency: options.tenantConcurrency ?? 2,
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
        },
        // Each job of the batch is settled as soon as its run ends (scoped to this attempt), not at the end of
        // the batch, so a crash loses only the runs that were really still going.
        async (batch) => {
          await Promise.all(
            batch.map(async (job) => {
              const attempt = { id: job.id, retryCount: job.retryCount };
              try {
                await runJob(job);
                const completing = worker.complete(queue, attempt);
                settling.add(completing);
                try {
                  await completing;
                } finally {
                  settling.delete(completing);
                }
              } catch (error) {
                report({ error, integrationId: job.data.integrationId, slot: new Date(job.data.slot) });
                if (!job.signal.aborted) await worker.fail(queue, attempt, { message: String(error) });
              }
            }),
          );
        },
      );
      tick();
      ticker = setInterval(tick, tickMs);
      ticker.unref();
    },
    enqueueDue,
    async refresh() {
      return enqueueDue();
    },
    async stop({ graceful = true, timeoutMs = 30_000 } = {}) {
      if (stopped) return;
      stopped = true;
      clearInterval(ticker);
      await ticking;
      if (!boss) return;
      // A run that already ended is recorded as completed before the connection closes, even on a hard stop:
      // otherwise its job would expire and the slot run a second time elsewhere.
      while (settling.size > 0) await Promise.allSettled([...settling]);
      if (options.boss) await boss.offWork(queue, { wait: graceful });
      else await boss.stop({ graceful, timeout: timeoutMs, close: true });
    },
  };
}
