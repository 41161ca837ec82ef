import { batchSweep, type DirectoryBatch, type LockFence } from "@uslimato/core/storage";
import { LOCK_SESSION_ALIVE } from "../locks/lock-alive-sql";

/** The CTEs that guard a page's first statement, and the names the writes check. */
export interface FenceCtes {
  /** CTE definitions to put first in the statement's WITH list. */
  ctes: string[];
  /** A condition every data-modifying CTE of the statement adds, so nothing is written unless it holds. */
  gate: string;
  /** The statement's final SELECT list: whether the fence held and whether the sweep was owned. */
  report: string;
}

/**
 * Builds the lock fence (and sweep ownership) of one page as CTEs of its first statement. `fence` selects the lock
 * row `FOR SHARE` only if it still carries the token, its lease has not run out and its holder session is alive;
 * the row lock makes a taker wait until this write commits, so no write of an old holder lands after a new holder
 * took over. `owned` records the batch's sweep for this token when the rules of `DirectoryBatch.sweep` allow it.
 * `$` adds a parameter and returns its placeholder.
 */
export function fenceCtes(
  s: string,
  batch: DirectoryBatch,
  fence: LockFence | undefined,
  $: (value: unknown) => string,
): FenceCtes | null {
  if (!fence) return null;
  const ctes = [
    `fence AS (SELECT 1 FROM ${s}.locks AS l WHERE l.name = ${$(fence.name)} AND l.token = ${$(fence.token)}::bigint
       AND l.expires_at > now() AND ${LOCK_SESSION_ALIVE} FOR SHARE OF l)`,
  ];
  const sweep = batchSweep(batch);
  if (!sweep)
    return {
      ctes,
      gate: "EXISTS (SELECT 1 FROM fence)",
      report: "(SELECT count(*) FROM fence)::int AS fenced, 1 AS owned",
    };
  ctes.push(
    `owned AS (INSERT INTO ${s}.sweeps AS w (integration_id, kind, sweep_id, token, closed)
       SELECT $1, ${$(sweep.kind)}, ${$(sweep.sweepId)}, ${$(fence.token)}::bigint, ${$(sweep.finish)}::boolean FROM fence
       ON CONFLICT (integration_id, kind) DO UPDATE SET sweep_id = EXCLUDED.sweep_id, token = EXCLUDED.token,
         closed = EXCLUDED.closed
       WHERE ${$(sweep.start)}::boolean OR (w.sweep_id = EXCLUDED.sweep_id AND NOT w.closed
         AND (w.token IS NULL OR w.token <= EXCLUDED.token))
       RETURNING 1)`,
  );
  return {
    ctes,
    gate: "EXISTS (SELECT 1 FROM owned)",
    report: "(SELECT count(*) FROM fence)::int AS fenced, (SELECT count(*) FROM owned)::int AS owned",
  };
}
