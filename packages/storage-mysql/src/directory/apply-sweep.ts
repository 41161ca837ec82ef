import type { ApplyResult, DirectoryBatch } from "@uslimato/core/storage";
import { type Db, run, type Tables } from "../database/mysql-database";

/** Steps 7-8 of a page: what the sweep saw, then, when it ends, what it did not see (marked, never deleted). */
export async function applySweep(
  db: Db,
  t: Tables,
  integrationId: string,
  batch: DirectoryBatch,
  now: number,
): Promise<ApplyResult> {
  const { seen, finishSweep } = batch;
  if (seen) {
    const mark = async (table: string, ids: ReadonlyArray<string> | undefined, kind?: string) => {
      if (!ids?.length) return;
      const byKind = kind === undefined ? "" : "AND kind = ?";
      await run(
        db,
        `UPDATE ${table} SET seen_sweep = ? WHERE integration_id = ? ${byKind} AND external_id IN (?)`,
        [seen.sweepId, integrationId, ...(kind === undefined ? [] : [kind]), [...ids]],
      );
    };
    await mark(t.links, seen.users);
    await mark(t.groups, seen.groups);
    for (const records of seen.records ?? []) await mark(t.records, records.externalIds, records.kind);
  }
  const result: ApplyResult = { sweptUsers: 0, sweptOthers: 0 };
  if (!finishSweep) return result;
  const { kind, sweepId } = finishSweep;
  const unseen = "NOT (seen_sweep <=> ?)";
  if (kind === "user") {
    result.sweptUsers = await run(
      db,
      `UPDATE ${t.links} l JOIN ${t.users} u ON u.id = l.user_id SET l.pending = 1
       WHERE l.integration_id = ? AND u.active = 1 AND l.pending = 0 AND NOT (l.seen_sweep <=> ?)`,
      [integrationId, sweepId],
    );
  } else if (kind === "group") {
    await run(
      db,
      `DELETE m FROM ${t.memberships} m JOIN ${t.groups} g
       ON g.integration_id = m.integration_id AND g.external_id = m.group_external_id
       WHERE m.integration_id = ? AND g.removed = 0 AND NOT (g.seen_sweep <=> ?)`,
      [integrationId, sweepId],
    );
    result.sweptOthers = await run(
      db,
      `UPDATE ${t.groups} SET removed = 1, updated_at = ? WHERE integration_id = ? AND removed = 0 AND ${unseen}`,
      [now, integrationId, sweepId],
    );
  } else {
    result.sweptOthers = await run(
      db,
      `UPDATE ${t.records} SET pending_removal = 1 WHERE integration_id = ? AND kind = ? AND removed = 0
       AND pending_removal = 0 AND ${unseen}`,
      [integrationId, kind, sweepId],
    );
  }
  return result;
}
