import {
  type AnyConnector,
  type Hub,
  isUslimatoError,
  type Logger,
  type PlanId,
  type PlanTable,
} from "@uslimato/core";
import { createScheduler, type SchedulingOptions } from "@uslimato/scheduler";
import type { SchedulerChoice } from "../interface-hub-options";

/** The one face of both schedulers the composition needs. */
export interface HostScheduler {
  start(): Promise<void>;
  /** Re-reads the integrations after one changed. */
  refresh(integrationId: string): Promise<void>;
  stop(timeoutMs: number): Promise<void>;
}

interface OpenSchedulerInput<C extends AnyConnector> {
  choice: SchedulerChoice;
  hub: Hub<C>;
  plan: (tenantId: string) => PlanId | Promise<PlanId>;
  planTable: PlanTable | undefined;
  logger: Logger;
}

/**
 * The chosen scheduler over the hub's integrations: each enabled one runs at its interval (plan-adjusted), the
 * grid anchored at its creation; a run is `hub.syncNow(id, { trigger: "schedule" })`. pg-boss is imported only
 * when it is the choice.
 */
export async function openScheduler<C extends AnyConnector>(
  input: OpenSchedulerInput<C>,
): Promise<HostScheduler | undefined> {
  const { choice, hub, logger } = input;
  if (choice === false) return undefined;
  const shared: SchedulingOptions = {
    source: {
      list: async () =>
        Promise.all(
          (await hub.integrations.list()).map(async (v) => ({
            id: v.id,
            tenantId: v.tenantId,
            plan: await input.plan(v.tenantId),
            intervalMinutes: v.intervalMinutes,
            enabled: v.enabled,
            anchor: v.createdAt,
          })),
        ),
    },
    run: async (id, { signal }) => {
      try {
        await hub.syncNow(id, {
          trigger: "schedule",
          signal,
          actor: { type: "scheduler", id: "interface-hub" },
        });
      } catch (error) {
        // A "Sync now" or a notification got there first: this slot is covered.
        if (!isUslimatoError(error, "SYNC_ALREADY_RUNNING")) throw error;
      }
    },
    logger,
    ...(input.planTable ? { planTable: input.planTable } : {}),
  };
  if (choice === "in-process" || "inProcess" in choice) {
    const scheduler = createScheduler({ ...(choice === "in-process" ? {} : choice.inProcess), ...shared });
    return {
      start: () => scheduler.start(),
      refresh: (id) => scheduler.refresh(id),
      stop: (timeoutMs) => scheduler.stop({ timeoutMs }),
    };
  }
  const { createPgBossScheduler } = await import("@uslimato/scheduler/pg-boss");
  const scheduler = createPgBossScheduler({ ...choice.pgBoss, ...shared });
  return {
    start: () => scheduler.start(),
    refresh: async () => {
      await scheduler.refresh();
    },
    stop: (timeoutMs) => scheduler.stop({ timeoutMs }),
  };
}
