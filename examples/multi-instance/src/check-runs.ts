import type { SyncLog } from "@uslimato/core";
import { slotAt } from "@uslimato/scheduler";
import type { RunRecord } from "./run-record";

/** What {@link checkRuns} found; an empty `duplicateSlots`, `missedSlots` and `overlaps` is a pass. */
export interface RunCheck {
  /** Scheduled runs per instance. */
  byInstance: Record<string, number>;
  /** `<integration>@<slot>` that ran more than once. */
  duplicateSlots: string[];
  /** `<integration>@<slot>` inside the window that never ran. */
  missedSlots: string[];
  /** Two sync runs (scheduled or manual) of one integration that overlapped in time. */
  overlaps: string[];
}

/**
 * Checks the scheduled runs the instances reported against the sync logs in the database: every slot in
 * `[from, to]` ran exactly once, no slot ran twice, and no two runs of an integration overlapped.
 */
export function checkRuns(input: {
  runs: ReadonlyArray<RunRecord>;
  logs: ReadonlyArray<SyncLog>;
  integrations: ReadonlyArray<{ id: string; anchor: Date; intervalMs: number }>;
  window: { from: number; to: number };
}): RunCheck {
  const byInstance: Record<string, number> = {};
  const count = new Map<string, number>();
  for (const run of input.runs) {
    byInstance[run.instance] = (byInstance[run.instance] ?? 0) + 1;
    const key = `${run.integrationId}@${run.slot}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const duplicateSlots = [...count].filter(([, n]) => n > 1).map(([key]) => key);

  const missedSlots: string[] = [];
  for (const { id, anchor, intervalMs } of input.integrations) {
    const first = slotAt(anchor, intervalMs, new Date(input.window.from)).getTime();
    for (let slot = first; slot <= input.window.to; slot += intervalMs) {
      const key = `${id}@${new Date(slot).toISOString()}`;
      if (!count.has(key)) missedSlots.push(key);
    }
  }

  const overlaps: string[] = [];
  const byIntegration = new Map<string, SyncLog[]>();
  for (const log of input.logs)
    byIntegration.set(log.integrationId, [...(byIntegration.get(log.integrationId) ?? []), log]);
  for (const [id, logs] of byIntegration) {
    const sorted = logs.toSorted((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    for (let i = 1; i < sorted.length; i++) {
      const previousEnd = sorted[i - 1]?.finishedAt?.getTime() ?? Number.POSITIVE_INFINITY;
      if (sorted[i]!.startedAt.getTime() < previousEnd)
        overlaps.push(`${id}: ${sorted[i - 1]?.id} / ${sorted[i]?.id}`);
    }
  }
  return { byInstance, duplicateSlots, missedSlots, overlaps };
}
