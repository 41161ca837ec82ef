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
  /** A run still active after this long is treated as crashed and retried; default 3 600. */
  expireInSeconds?: number;
  /** Runs of one tenant at once across all instances; default 2. */
  tenantConcurrency?: number;
  /** Runs at once in this instance; default 10. */
  localConcurrency?: number;
  /** How often an idle worker polls, in seconds (at least 0.5); default 2. */
  pollingIntervalSeconds?: number;
}
