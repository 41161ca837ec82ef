import type { PlannedRun } from "../math/next-run";

/** One integration as the in-process scheduler sees it. */
export interface IntegrationStatus {
  integrationId: string;
  intervalMs: number;
  /** The next scheduled run, absent while disabled. */
  next?: PlannedRun;
  /** The slot of the last scheduled run that finished here. */
  lastRunSlot?: Date;
  running: boolean;
}

/** A snapshot of the scheduler. */
export interface SchedulerStatus {
  state: "created" | "running" | "paused" | "stopping" | "stopped";
  integrations: IntegrationStatus[];
  running: string[];
}

/** The in-process scheduler returned by `createScheduler`. */
export interface Scheduler {
  /** Loads the integrations and arms the timer. */
  start(): Promise<void>;
  /** Stops starting runs (running ones go on). */
  pause(): void;
  /** Starts runs again; slots passed while paused follow the catch-up policy. */
  resume(): void;
  /** Re-reads the source and reschedules after an interval, plan, anchor or enabled change. */
  refresh(integrationId?: string): Promise<void>;
  /** "Sync now": runs at once with trigger `manual`, without shifting the grid; rejects if a run is going. */
  runNow(integrationId: string): Promise<void>;
  /** Stops taking work, waits up to `timeoutMs` (default 30 s) for running syncs, then aborts them and waits. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  status(): SchedulerStatus;
}
