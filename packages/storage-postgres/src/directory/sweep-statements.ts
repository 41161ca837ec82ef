import type { DirectoryBatch } from "@uslimato/core/storage";
import type { PageStatement } from "./page-statement";

/**
 * The statements that record which groups and records the sweep saw (one, left out when none was seen; the page's
 * head marks the links), then end the sweep if asked, counting what it swept.
 */
export function sweepStatements(s: string, integrationId: string, batch: DirectoryBatch): PageStatement[] {
  const statements: PageStatement[] = [];
  const seen = batch.seen;
  if (seen) {
    const groups = [...(seen.groups ?? [])];
    const records = (seen.records ?? []).flatMap((r) => r.externalIds.map((id) => ({ kind: r.kind, id })));
    if (groups.length + records.length > 0) {
      statements.push({
        text: `WITH groups AS (
           UPDATE ${s}.groups SET last_seen_sweep = $2 WHERE integration_id = $1 AND external_id = ANY($3::text[]))
         UPDATE ${s}.records AS r SET last_seen_sweep = $2
         FROM unnest($4::text[], $5::text[]) AS t(kind, external_id)
         WHERE r.integration_id = $1 AND r.external_id = ANY($5::text[])
           AND r.kind = t.kind AND r.external_id = t.external_id`,
        values: [integrationId, seen.sweepId, groups, records.map((r) => r.kind), records.map((r) => r.id)],
      });
    }
  }
  const finish = batch.finishSweep;
  if (!finish) return statements;
  const rowCount = { read: (result: { rowCount: number | null }) => result.rowCount ?? 0 };
  if (finish.kind === "user") {
    statements.push({
      text: `UPDATE ${s}.user_links AS l SET pending_deactivation = true FROM ${s}.users AS u
       WHERE l.integration_id = $1 AND u.id = l.user_id AND u.active AND NOT l.pending_deactivation
         AND l.last_seen_sweep IS DISTINCT FROM $2`,
      values: [integrationId, finish.sweepId],
      counts: { field: "sweptUsers", ...rowCount },
    });
  } else if (finish.kind === "group") {
    statements.push({
      text: `WITH swept AS (
         UPDATE ${s}.groups SET removed = true, updated_at = now()
         WHERE integration_id = $1 AND NOT removed AND last_seen_sweep IS DISTINCT FROM $2
         RETURNING external_id),
       dropped AS (
         DELETE FROM ${s}.memberships AS m USING swept
         WHERE m.integration_id = $1 AND m.group_external_id = swept.external_id)
       SELECT count(*)::int AS count FROM swept`,
      values: [integrationId, finish.sweepId],
      counts: { field: "sweptOthers", read: (result) => Number(result.rows[0]?.count ?? 0) },
    });
  } else {
    statements.push({
      text: `UPDATE ${s}.records SET pending_removal = true
       WHERE integration_id = $1 AND kind = $3 AND NOT removed AND NOT pending_removal
         AND last_seen_sweep IS DISTINCT FROM $2`,
      values: [integrationId, finish.sweepId, finish.kind],
      counts: { field: "sweptOthers", ...rowCount },
    });
  }
  return statements;
}
