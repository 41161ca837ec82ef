import type { ConstructorOptions, PgBoss } from "pg-boss";
import type { SchedulingOptions } from "../in-process/scheduler-options";

/** Options of `createPgBossScheduler`. */
export interface PgBossSchedulerOptions extends SchedulingOptions {
  /** A started pg-boss instance the host owns (it stops it), or: */
  boss?: PgBoss;
  /** a connection string, and the scheduler creates, starts and stops its own pg-boss. */
  connectionString?: string;
  /** The pg-boss schema when the scheduler creates pg-boss; default `pgboss`. */
  schema?: string;
  /** More constructor options when the scheduler creates pg-boss (e.g. `superviseIntervalSeconds`). */
  bossOptions?: Omit<ConstructorOptions, "connectionString" | "schema">;
  /** Queue name; default `uslimato-sync` (its dead-letter queue is `<queue>-dead`). */
  queue?: string;
  /** How often each instance enqueues due slots; default 30 s. */
  tickMs?: number;
  /** Enqueue a slot this long before it runs (with `startAfter`); default twice `tickMs`. */
  lookaheadMs?: number;
  /** Retries of a failed or crashed run before it is dead-lettered; default 3. */
  retryLimit?: number;
  /** First retry delay in seconds, doubled each retry (backoff); default 30. */
  retryDelaySeconds?: number;
  /** A run still active after this long is treated as stuck, failed and retried; default 3 600. */
  expireInSeconds?: number;
  /**
   * Workers refresh a heartbeat on each running job every `heartbeatSeconds / 2`; a job whose heartbeat is older
   * than this (its instance crashed or lost the database) is failed and retried on another instance, without
   * waiting for `expireInSeconds`. At least 10 (pg-boss's minimum); default 60. pg-boss checks heartbeats and
   * expiry on its monitor pass (`bossOptions.monitorIntervalSeconds`, default 60 s).
   */
  heartbeatSeconds?: number;
  /** Runs of one tenant at once across all instances; default 2. */
  tenantConcurrency?: number;
  /** Runs at once in this instance; default 10. */
  localConcurrency?: number;
  /** How often an idle worker polls, in seconds (at least 0.5); default 2. */
  pollingIntervalSeconds?: number;
}
