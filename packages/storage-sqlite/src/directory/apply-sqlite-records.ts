import type { DirectoryBatch } from "@uslimato/core/storage";
import type { SqliteDatabase } from "../database/sqlite-database";

/**
 * The owner's user: by external id through a link of an integration of the record's tenant whose connector is the
 * owner's source (primary-key probes), else by email (unique index). Parameters: ?1 integration, ?5 email,
 * ?6 external user id, ?7 source.
 */
const RESOLVE_OWNER = `COALESCE(
  (SELECT l.user_id FROM integrations i JOIN user_links l ON l.integration_id = i.id AND l.external_id = ?6
   JOIN users u ON u.id = l.user_id
   WHERE ?7 IS NOT NULL AND i.connector_id = ?7 AND i.tenant_id = (SELECT tenant_id FROM integrations WHERE id = ?1)
   LIMIT 1),
  (SELECT id FROM users WHERE ?5 IS NOT NULL AND email = ?5))`;

/**
 * Writes a batch's device and asset changes inside the caller's transaction: upserts with their owners resolved
 * (reviving removed records, cancelling pending removals), immediate removals, then pending removal marks.
 */
export function applySqliteRecords(
  { sql }: SqliteDatabase,
  integrationId: string,
  changes: NonNullable<DirectoryBatch["records"]>,
  now: number,
): void {
  const upsert = sql(
    `INSERT INTO records (integration_id, kind, external_id, data, owner_email, owner_external_id, owner_source,
       owner_user_id, removed, pending_removal, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ${RESOLVE_OWNER}, 0, 0, ?8)
     ON CONFLICT (integration_id, kind, external_id) DO UPDATE SET data = excluded.data,
       owner_email = excluded.owner_email, owner_external_id = excluded.owner_external_id,
       owner_source = excluded.owner_source, owner_user_id = excluded.owner_user_id, removed = 0,
       pending_removal = 0, updated_at = excluded.updated_at`,
  );
  const remove = sql(
    `UPDATE records SET removed = 1, pending_removal = 0, updated_at = ? WHERE integration_id = ? AND kind = ?
     AND external_id = ? AND removed = 0`,
  );
  const mark = sql(
    `UPDATE records SET pending_removal = 1 WHERE integration_id = ? AND kind = ? AND external_id = ?
     AND removed = 0`,
  );
  for (const change of changes) {
    for (const r of change.upsert ?? []) {
      const owner = r.owner ?? null;
      upsert.run(
        integrationId,
        change.kind,
        r.externalId,
        JSON.stringify(r.data),
        owner?.email ?? null,
        owner?.externalUserId ?? null,
        owner?.source ?? null,
        now,
      );
    }
    for (const externalId of change.remove ?? []) remove.run(now, integrationId, change.kind, externalId);
    for (const externalId of change.markPendingRemoval ?? [])
      mark.run(integrationId, change.kind, externalId);
  }
}
