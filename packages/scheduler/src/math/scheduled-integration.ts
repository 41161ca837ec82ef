import type { PlanId } from "@uslimato/core";

/** What the scheduler needs to know about one integration; the host maps its own records to this. */
export interface ScheduledIntegration {
  /** The integration id, also the input of the jitter hash. */
  id: string;
  /** The host tenant the integration belongs to (per-tenant concurrency in the pg-boss scheduler). */
  tenantId: string;
  /** The tenant's plan: decides the minimum interval. */
  plan: PlanId;
  /** The configured interval, in minutes (or in `intervalUnitMs` units where a scheduler sets one). */
  intervalMinutes: number;
  /** Disabled integrations are never scheduled. */
  enabled: boolean;
  /** Where the grid starts, e.g. the integration's `createdAt`: slots are `anchor + k * interval`. */
  anchor: Date;
  /**
   * The slot of the last scheduled run the host recorded, if it keeps one. Without it, a scheduler that starts
   * treats the current slot as not yet run (the catch-up policy decides what happens).
   */
  lastRunSlot?: Date;
}

/**
 * What happens after downtime, when a slot's run time passed without a run: `runOnce` runs the latest missed
 * slot once (all missed slots collapse into it, spread by jitter), `skip` waits for the next slot.
 */
export type CatchUpPolicy = "runOnce" | "skip";
