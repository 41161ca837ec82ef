import type { ApplyResult, DirectoryBatch } from "@uslimato/core";
import type { Queryable } from "../transactions/queryable";

/** Records which links, groups and records the sweep saw (one statement), then ends the sweep if asked. */
export async function applySweep(
  client: Queryable,
  s: string,
  integrationId: string,
  batch: DirectoryBatch,
): Promise<ApplyResult> {
  const seen = batch.seen;
  if (seen) {
    const records = (seen.records ?? []).flatMap((r) => r.externalIds.map((id) => ({ kind: r.kind, id })));
    await client.query(
      `WITH links AS (
         UPDATE ${s}.user_links AS l SET last_seen_sweep = $2 FROM unnest($3::text[]) AS u(external_id)
         WHERE l.integration_id = $1 AND l.external_id = u.external_id
           AND l.last_seen_sweep IS DISTINCT FROM $2),
       groups AS (
         UPDATE ${s}.groups SET last_seen_sweep = $2 WHERE integration_id = $1 AND external_id = ANY($4::text[]))
       UPDATE ${s}.records AS r SET last_seen_sweep = $2
       FROM unnest($5::text[], $6::text[]) AS t(kind, external_id)
       WHERE r.integration_id = $1 AND r.kind = t.kind AND r.external_id = t.external_id`,
      [
        integrationId,
        seen.sweepId,
        unmarkedUsers(batch),
        [...(seen.groups ?? [])],
        records.map((r) => r.kind),
        records.map((r) => r.id),
      ],
    );
  }
  const finish = batch.finishSweep;
  if (!finish) return { sweptUsers: 0, sweptOthers: 0 };
  if (finish.kind === "user") {
    const marked = await client.query(
      `UPDATE ${s}.user_links AS l SET pending_deactivation = true FROM ${s}.users AS u
       WHERE l.integration_id = $1 AND u.id = l.user_id AND u.active AND NOT l.pending_deactivation
         AND l.last_seen_sweep IS DISTINCT FROM $2`,
      [integrationId, finish.sweepId],
    );
    return { sweptUsers: marked.rowCount ?? 0, sweptOthers: 0 };
  }
  if (finish.kind === "group") {
    const swept = await client.query<{ count: number }>(
      `WITH swept AS (
         UPDATE ${s}.groups SET removed = true, updated_at = now()
         WHERE integration_id = $1 AND NOT removed AND last_seen_sweep IS DISTINCT FROM $2
         RETURNING external_id),
       dropped AS (
         DELETE FROM ${s}.memberships AS m USING swept
         WHERE m.integration_id = $1 AND m.group_external_id = swept.external_id)
       SELECT count(*)::int AS count FROM swept`,
      [integrationId, finish.sweepId],
    );
    return { sweptUsers: 0, sweptOthers: swept.rows[0]?.count ?? 0 };
  }
  const swept = await client.query(
    `UPDATE ${s}.records SET removed = true, updated_at = now()
     WHERE integration_id = $1 AND kind = $3 AND NOT removed AND last_seen_sweep IS DISTINCT FROM $2`,
    [integrationId, finish.sweepId, finish.kind],
  );
  return { sweptUsers: 0, sweptOthers: swept.rowCount ?? 0 };
}

/** Seen users whose link this batch did not just write (a written link already carries the sweep mark). */
function unmarkedUsers(batch: DirectoryBatch): string[] {
  const linked = new Set((batch.users?.link ?? []).map((l) => l.externalId));
  return (batch.seen?.users ?? []).filter((id) => !linked.has(id));
}
