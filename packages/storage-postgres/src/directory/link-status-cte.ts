import { booleanArray, textArray } from "../params/array-literal";
import type { LinkStatus } from "./link-changes";

/**
 * The data-modifying CTE that writes a page's marks on links it does not write itself (see `linkChanges`): the
 * sweep's mark, pending marks and the reported status, all in one update of each link that changes (`$1` is the
 * integration id). The `external_id = ANY(...)` condition lets the planner probe the primary key; rows that would
 * not change are left alone. `$` binds a parameter and returns its placeholder; `gate` (the page's fence
 * condition, when fenced) is added so nothing is written unless it holds. Null when there is nothing to write.
 */
export function linkStatusCte(
  s: string,
  statuses: ReadonlyArray<LinkStatus>,
  sweepId: string | null,
  $: (value: unknown) => string,
  gate?: string,
): string | null {
  if (statuses.length === 0) return null;
  const ids = $(textArray(statuses.map((l) => l.externalId)));
  const sweep = `${$(sweepId)}::text`;
  return `statuses AS (UPDATE ${s}.user_links AS l SET
       last_seen_sweep = CASE WHEN t.seen THEN ${sweep} ELSE l.last_seen_sweep END,
       pending_deactivation = COALESCE(t.pending, l.pending_deactivation),
       reported_active = COALESCE(t.reported, l.reported_active)
     FROM unnest(${ids}::text[], ${$(booleanArray(statuses.map((l) => l.seen)))}::boolean[],
       ${$(booleanArray(statuses.map((l) => l.pending)))}::boolean[],
       ${$(booleanArray(statuses.map((l) => l.reported)))}::boolean[]) AS t(external_id, seen, pending, reported)
     WHERE l.integration_id = $1 AND l.external_id = ANY(${ids}::text[]) AND l.external_id = t.external_id
       AND ((t.seen AND l.last_seen_sweep IS DISTINCT FROM ${sweep}) OR l.pending_deactivation <> t.pending
         OR l.reported_active <> t.reported)${gate ? ` AND ${gate}` : ""})`;
}
