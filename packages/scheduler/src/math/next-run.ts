import type { CatchUpPolicy, ScheduledIntegration } from "./scheduled-integration";
import { slotAt } from "./slot-at";

/** Inputs of {@link nextRun}. */
export interface NextRunOptions {
  now: Date;
  /** The effective interval in ms (see `effectiveInterval`). */
  intervalMs: number;
  /** The slot of the last scheduled run; defaults to `integration.lastRunSlot`. Manual runs never count. */
  lastRunSlot?: Date;
  /** What to do with a slot whose run time passed unseen. Default `runOnce`. */
  catchUp?: CatchUpPolicy;
  /** This integration's jitter offset in ms (see `jitterOffset`). Default 0. */
  jitter?: number;
  /** How late a due run may be and still count as on time. Default `min(60 s, interval / 2)`. */
  graceMs?: number;
}

/** The next scheduled run of an integration. */
export interface PlannedRun {
  /** The grid slot the run belongs to (`anchor + k * interval`): the key of "once per slot". */
  slot: Date;
  /** When to start it: `slot + jitter`, or within the jitter window after `now` for a catch-up run. */
  runAt: Date;
  /** True when the run catches up a slot whose time passed unseen (`runOnce`). */
  catchUp: boolean;
  /** Grid slots passed over (missed and collapsed into this run, or skipped). */
  missedSlots: number;
}

/** The default lateness that still counts as on time: `min(60 s, interval / 2)`. */
export function defaultGraceMs(intervalMs: number): number {
  return Math.min(60_000, Math.floor(intervalMs / 2));
}

/**
 * The next run of an integration on its grid. Slots are `anchor + k * interval`; a slot is due at
 * `slot + jitter`. Missed slots collapse: however long the downtime, at most one catch-up run (`runOnce`,
 * started within the jitter window after `now`, so catch-ups do not all fire at once) or none (`skip`).
 * A manual "Sync now" is not an input: it never shifts the grid. Pure.
 */
export function nextRun(integration: ScheduledIntegration, options: NextRunOptions): PlannedRun {
  const interval = options.intervalMs;
  const jitter = options.jitter ?? 0;
  const now = options.now.getTime();
  const anchor = integration.anchor.getTime();
  const last = (options.lastRunSlot ?? integration.lastRunSlot)?.getTime();
  const grace = options.graceMs ?? defaultGraceMs(interval);
  const plan = (slot: number, runAt: number, catchUp: boolean, missedSlots: number): PlannedRun => ({
    slot: new Date(slot),
    runAt: new Date(runAt),
    catchUp,
    missedSlots,
  });

  if (now < anchor + jitter) {
    const first = last === undefined || last < anchor ? anchor : firstSlotAfter(anchor, interval, last);
    return plan(first, first + jitter, false, 0);
  }
  // The latest slot whose run time (slot + jitter) has come.
  const due = slotAt(new Date(anchor + jitter), interval, options.now).getTime() - jitter;
  if (last !== undefined && last >= due) {
    const next = firstSlotAfter(anchor, interval, last);
    return plan(next, next + jitter, false, 0);
  }
  const missedBefore =
    last === undefined || last < anchor ? 0 : Math.max(0, Math.round((due - last) / interval) - 1);
  const lateness = now - (due + jitter);
  if (lateness <= grace) return plan(due, due + jitter, false, missedBefore);
  if ((options.catchUp ?? "runOnce") === "runOnce") {
    const nextDue = due + interval + jitter;
    // Collapse into the next slot when it comes due within the catch-up's own jitter window.
    if (now + jitter >= nextDue) return plan(due + interval, nextDue, true, missedBefore + 1);
    return plan(due, now + jitter, true, missedBefore);
  }
  return plan(due + interval, due + interval + jitter, false, missedBefore + 1);
}

function firstSlotAfter(anchor: number, interval: number, after: number): number {
  return anchor + (Math.floor((after - anchor) / interval) + 1) * interval;
}
