import type { ApplyResult, DirectoryBatch } from "@uslimato/core/storage";
import type { SqliteDatabase } from "../database/sqlite-database";

/** Records what the current sweep saw, then ends the sweep if the batch says so (inside the caller's transaction). */
export function applySqliteSweep(
  { sql }: SqliteDatabase,
  integrationId: string,
  batch: DirectoryBatch,
  now: number,
): ApplyResult {
  const seen = batch.seen;
  if (seen) {
    const user = sql("UPDATE user_links SET last_seen = ? WHERE integration_id = ? AND external_id = ?");
    const linked = new Set((batch.users?.link ?? []).map((l) => l.externalId));
    for (const id of seen.users ?? []) if (!linked.has(id)) user.run(seen.sweepId, integrationId, id);
    const group = sql("UPDATE groups SET last_seen = ? WHERE integration_id = ? AND external_id = ?");
    for (const id of seen.groups ?? []) group.run(seen.sweepId, integrationId, id);
    const record = sql(
      "UPDATE records SET last_seen = ? WHERE integration_id = ? AND kind = ? AND external_id = ?",
    );
    for (const { kind, externalIds } of seen.records ?? []) {
      for (const id of externalIds) record.run(seen.sweepId, integrationId, kind, id);
    }
  }
  const finish = batch.finishSweep;
  if (!finish) return { sweptUsers: 0, sweptOthers: 0 };
  const unseen = "(last_seen IS NULL OR last_seen <> ?2)";
  if (finish.kind === "user") {
    const marked = sql(
      `UPDATE user_links SET pending = 1 WHERE integration_id = ?1 AND pending = 0 AND ${unseen}
       AND EXISTS (SELECT 1 FROM users u WHERE u.id = user_links.user_id AND u.active = 1)`,
    ).run(integrationId, finish.sweepId);
    return { sweptUsers: Number(marked.changes), sweptOthers: 0 };
  }
  if (finish.kind === "group") {
    sql(
      `DELETE FROM memberships WHERE integration_id = ?1 AND group_external_id IN
       (SELECT external_id FROM groups WHERE integration_id = ?1 AND removed = 0 AND ${unseen})`,
    ).run(integrationId, finish.sweepId);
    const removed = sql(
      `UPDATE groups SET removed = 1, updated_at = ?3 WHERE integration_id = ?1 AND removed = 0 AND ${unseen}`,
    ).run(integrationId, finish.sweepId, now);
    return { sweptUsers: 0, sweptOthers: Number(removed.changes) };
  }
  const marked = sql(
    `UPDATE records SET pending_removal = 1 WHERE integration_id = ?1 AND kind = ?3 AND removed = 0
     AND pending_removal = 0 AND ${unseen}`,
  ).run(integrationId, finish.sweepId, finish.kind);
  return { sweptUsers: 0, sweptOthers: Number(marked.changes) };
}
