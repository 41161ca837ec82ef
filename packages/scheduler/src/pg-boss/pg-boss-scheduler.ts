import type { PgBoss } from "pg-boss";

/** What one enqueue pass did. */
export interface EnqueueResult {
  /** Enabled integrations looked at. */
  considered: number;
  /** Slot jobs this instance created (others may have been created by other instances first). */
  enqueued: number;
}

/** The multi-instance scheduler returned by `createPgBossScheduler`. */
export interface PgBossScheduler {
  /** Starts pg-boss (when owned), creates the queues, starts the worker and the enqueue ticker. */
  start(): Promise<void>;
  /** One enqueue pass now: every instance may run it at any time; a slot is enqueued once. */
  enqueueDue(now?: Date): Promise<EnqueueResult>;
  /** Re-reads the source (interval, plan, enabled changes) and enqueues what is due. */
  refresh(): Promise<EnqueueResult>;
  /**
   * Stops the ticker and the worker. `graceful` (default true) waits up to `timeoutMs` for running syncs;
   * `graceful: false` aborts them at once and hands their jobs back to pg-boss for retry.
   */
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
  /** The sync queue and its dead-letter queue. */
  readonly queue: string;
  readonly deadLetterQueue: string;
  /** The pg-boss instance in use (after `start`). */
  readonly boss: PgBoss | undefined;
}
