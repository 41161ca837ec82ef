import type { ApplyResult, DirectoryBatch, JsonValue, LockFence } from "@uslimato/core/storage";
import type { Pool, PoolClient } from "pg";
import { namedStatement } from "../transactions/named-statement";
import { withTransaction } from "../transactions/with-transaction";
import { fenceRefused } from "./fence-refused";
import { linkChanges } from "./link-changes";
import { otherChangeStatements } from "./other-change-statements";
import { pageHead } from "./page-head";
import type { PageStatement } from "./page-statement";
import { sweepStatements } from "./sweep-statements";
import { userChangeStatements } from "./user-change-statements";

/** How {@link applyPage} writes a page. */
export interface ApplyOptions {
  /** The run's lock, checked in the page's first statement. */
  fence?: LockFence | undefined;
  /** Send each statement as a named statement (see `namedStatement`). */
  prepared?: boolean;
  /** Links taken to be new: plain inserts, a unique violation if one exists (see `AbsentLinks`). */
  fresh?: (link: { externalId: string; userId: string }) => boolean;
}

/**
 * Applies one page and saves its checkpoint atomically. Every step is one set-based statement over `unnest`
 * arrays, built before anything is sent: the head (checkpoint, new users, links, the sweep's marks, pending marks
 * and reported status of links), then updates; groups, memberships and records; what the sweep saw of groups and
 * records, and its end. A page that needs only its head (a page of new users and their links, the bulk of a first
 * sync, or a page of known users seen again) is that one statement, atomic on its own: one round trip. Any
 * other page runs its statements in one transaction. Any failure (a taken email is `STORAGE_CONFLICT`) leaves
 * nothing of the page, checkpoint included. With a `fence`, the head first checks the lock and the sweep's owner in
 * the same statement and writes nothing unless both hold; then nothing else is sent (`SYNC_LOCK_LOST` or
 * `SYNC_SWEEP_NOT_OWNED`).
 */
export function applyPage(
  pool: Pool,
  s: string,
  integrationId: string,
  batch: DirectoryBatch,
  checkpoint: JsonValue,
  { fence, prepared = false, fresh }: ApplyOptions = {},
): Promise<ApplyResult> {
  const changes = linkChanges(batch, fresh);
  const statements: PageStatement[] = [
    pageHead(s, integrationId, batch, checkpoint, changes, fence),
    ...(batch.users ? userChangeStatements(s, integrationId, batch.users, changes.pendingOfLinks) : []),
    ...otherChangeStatements(s, integrationId, batch),
    ...sweepStatements(s, integrationId, batch),
  ];
  const run = async (client: PoolClient): Promise<ApplyResult> => {
    const result: ApplyResult = { sweptUsers: 0, sweptOthers: 0 };
    for (const [index, statement] of statements.entries()) {
      const rows = await (prepared
        ? client.query(namedStatement(statement.text, statement.values))
        : client.query(statement.text, statement.values));
      if (index === 0 && fence && !(rows.rows[0]?.fenced === 1 && rows.rows[0]?.owned === 1))
        throw fenceRefused(integrationId, fence, rows.rows[0]);
      if (statement.counts) result[statement.counts.field] += statement.counts.read(rows);
    }
    return result;
  };
  return withTransaction(pool, `Applying a page of integration "${integrationId}"`, run, {
    transaction: statements.length > 1,
  });
}
