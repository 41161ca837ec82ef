/**
 * `@uslimato/scheduler/pg-boss`: the multi-instance scheduler on pg-boss (PostgreSQL). A separate entry point,
 * so hosts that run one process never load pg-boss (an optional peer dependency).
 *
 * @example
 * ```ts
 * import { createPgBossScheduler } from "@uslimato/scheduler/pg-boss";
 * const scheduler = createPgBossScheduler({
 *   connectionString: "postgres://postgres@127.0.0.1:5432/app",
 *   source: { list: () => loadIntegrations() },
 *   run: (id, { signal }) => hub.syncNow(id, { signal }),
 * });
 * await scheduler.start();
 * ```
 *
 * @module
 */
export { createPgBossScheduler } from "./create-pg-boss-scheduler";
export type { DueSlotsOptions } from "./due-slots";
export { dueSlots } from "./due-slots";
export type { EnqueueResult, PgBossScheduler } from "./pg-boss-scheduler";
export type { PgBossSchedulerOptions } from "./pg-boss-scheduler-options";
export { slotJobId } from "./slot-job-id";
