import type { Logger, PlanTable } from "@uslimato/core";
import type { IntervalAdjustment } from "../math/effective-interval";
import type { JitterOptions } from "../math/jitter-offset";
import type { CatchUpPolicy, ScheduledIntegration } from "../math/scheduled-integration";
import type { SchedulerTimers } from "./timers";

/** Where the scheduler reads integrations from: the host's store. */
export interface IntegrationSource {
  list(): Promise<ReadonlyArray<ScheduledIntegration>>;
}

/** What a run receives. */
export interface RunContext {
  /** Aborted when the scheduler stops and the run outlives the stop timeout. */
  signal: AbortSignal;
  /** The grid slot of a scheduled run; for a manual run, the slot it happens in (the grid does not move). */
  slot: Date;
  trigger: "schedule" | "manual";
}

/** Runs one sync of an integration; the host calls its hub here (e.g. `hub.syncNow(id, { signal })`). */
export type RunIntegration = (integrationId: string, context: RunContext) => Promise<void>;

/** Something went wrong that the scheduler survived: a run threw, the source failed, a plan is unknown. */
export interface SchedulerErrorEvent {
  error: unknown;
  integrationId?: string;
  slot?: Date;
}

/** Options shared by both schedulers. */
export interface SchedulingOptions {
  source: IntegrationSource;
  run: RunIntegration;
  /** Plan rules; default core's `DEFAULT_PLANS`. */
  planTable?: PlanTable;
  /** Catch-up after downtime; default `runOnce`. */
  catchUp?: CatchUpPolicy;
  /** Jitter bounds; default 10 % of the interval, at most 10 minutes. */
  jitter?: JitterOptions;
  /** How late a run may start and still count as on time; default `min(60 s, interval / 2)`. */
  graceMs?: number;
  /** Length of one interval unit in ms; default 60 000 (minutes). Tests use 1 000 to run seconds-long slots. */
  intervalUnitMs?: number;
  logger?: Logger;
  /** Told whenever an integration runs at another interval than configured (e.g. after a plan downgrade). */
  onAdjusted?: (adjustment: IntervalAdjustment) => void;
  /** Told about every failure the scheduler survives; default: logged. */
  onError?: (event: SchedulerErrorEvent) => void;
}

/** Options of `createScheduler`. */
export interface SchedulerOptions extends SchedulingOptions {
  /** Clock and timer; default the global ones (so `vi.useFakeTimers()` works). */
  timers?: SchedulerTimers;
  /** Most runs at once in this process; default 10. */
  concurrency?: number;
}
