import type { DirectoryStore } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { guarded, inTransaction } from "../database/in-transaction";
import { type MysqlDatabase, rows, run } from "../database/mysql-database";
import { checkFence } from "./check-fence";

type GuardCalls = Pick<
  DirectoryStore,
  | "countActiveLinkedUsers"
  | "countPendingDeactivations"
  | "commitPendingDeactivations"
  | "discardPendingDeactivations"
  | "countRecordRemovals"
  | "commitPendingRemovals"
  | "discardPendingRemovals"
>;

/**
 * The mass-deactivation guard's counts, commits and discards. Commits and discards are fenced: the lock check and
 * the write share one transaction.
 */
export function guardCalls(database: MysqlDatabase): GuardCalls {
  const { pool, t } = database;
  /** A link of another enabled integration still reports user `u` active (several sources per user). */
  const reportedElsewhere = `EXISTS (SELECT 1 FROM ${t.links} o JOIN ${t.integrations} i ON i.id = o.integration_id
    WHERE o.user_id = u.id AND o.integration_id <> l.integration_id AND i.enabled = 1 AND o.reported_active = 1
    AND o.pending = 0)`;
  const activePending = `FROM ${t.links} l JOIN ${t.users} u ON u.id = l.user_id
    WHERE l.integration_id = ? AND l.pending = 1 AND u.active = 1 AND NOT ${reportedElsewhere}`;
  const byKind = (kind: string | undefined) => (kind === undefined ? "" : "AND kind = ?");
  const kindArgs = (kind: string | undefined) => (kind === undefined ? [] : [kind]);
  return {
    countActiveLinkedUsers: (integrationId) =>
      guarded("Counting active linked users", async () => {
        const [row] = await rows<RowDataPacket>(
          pool,
          `SELECT COUNT(*) AS n FROM ${t.links} l JOIN ${t.users} u ON u.id = l.user_id
           WHERE l.integration_id = ? AND u.active = 1`,
          [integrationId],
        );
        return Number(row?.n ?? 0);
      }),
    countPendingDeactivations: (integrationId) =>
      guarded("Counting pending deactivations", async () => {
        const [row] = await rows<RowDataPacket>(pool, `SELECT COUNT(*) AS n ${activePending}`, [
          integrationId,
        ]);
        return Number(row?.n ?? 0);
      }),
    commitPendingDeactivations: (integrationId, fence) =>
      inTransaction(database, "Committing pending deactivations", async (db) => {
        await checkFence(db, t, fence);
        const users = [
          ...new Set(
            (await rows<RowDataPacket>(db, `SELECT u.id ${activePending} FOR UPDATE`, [integrationId])).map(
              (r) => r.id as string,
            ),
          ),
        ];
        if (users.length > 0)
          await run(db, `UPDATE ${t.users} SET active = 0, updated_at = ? WHERE id IN (?) AND active = 1`, [
            Date.now(),
            users,
          ]);
        await run(
          db,
          `UPDATE ${t.links} SET pending = 0, reported_active = 0 WHERE integration_id = ? AND pending = 1`,
          [integrationId],
        );
        return users.length;
      }),
    discardPendingDeactivations: (integrationId, fence) =>
      inTransaction(database, "Discarding pending deactivations", async (db) => {
        await checkFence(db, t, fence);
        return run(db, `UPDATE ${t.links} SET pending = 0 WHERE integration_id = ? AND pending = 1`, [
          integrationId,
        ]);
      }),
    countRecordRemovals: (integrationId, kind) =>
      guarded("Counting record removals", async () => {
        const [row] = await rows<RowDataPacket>(
          pool,
          `SELECT COALESCE(SUM(pending_removal = 1 AND removed = 0), 0) AS pending, COALESCE(SUM(removed = 0), 0) AS present
           FROM ${t.records} WHERE integration_id = ? AND kind = ?`,
          [integrationId, kind],
        );
        return { pending: Number(row?.pending ?? 0), present: Number(row?.present ?? 0) };
      }),
    commitPendingRemovals: (integrationId, kind, fence) =>
      inTransaction(database, "Committing pending removals", async (db) => {
        await checkFence(db, t, fence);
        return run(
          db,
          `UPDATE ${t.records} SET removed = 1, pending_removal = 0, updated_at = ?
           WHERE integration_id = ? ${byKind(kind)} AND pending_removal = 1`,
          [Date.now(), integrationId, ...kindArgs(kind)],
        );
      }),
    discardPendingRemovals: (integrationId, kind, fence) =>
      inTransaction(database, "Discarding pending removals", async (db) => {
        await checkFence(db, t, fence);
        return run(
          db,
          `UPDATE ${t.records} SET pending_removal = 0 WHERE integration_id = ? ${byKind(kind)} AND pending_removal = 1`,
          [integrationId, ...kindArgs(kind)],
        );
      }),
  };
}
