import type { DirectoryBatch } from "@uslimato/core/storage";
import type { SqliteDatabase } from "../database/sqlite-database";
import { applySqliteRecords } from "./apply-sqlite-records";

/** Writes a batch's group, membership and record changes, in that order, inside the caller's transaction. */
export function applySqliteOthers(
  database: SqliteDatabase,
  integrationId: string,
  batch: DirectoryBatch,
  now: number,
): void {
  const { sql } = database;
  const upsertGroup = sql(
    `INSERT INTO groups (integration_id, external_id, display_name, description, attributes, removed, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (integration_id, external_id) DO UPDATE SET
     display_name = excluded.display_name, description = excluded.description, attributes = excluded.attributes,
     removed = 0, updated_at = excluded.updated_at`,
  );
  for (const g of batch.groups?.upsert ?? []) {
    upsertGroup.run(
      integrationId,
      g.externalId,
      g.displayName,
      g.description,
      JSON.stringify(g.attributes),
      now,
    );
  }
  const removeGroup = sql(
    "UPDATE groups SET removed = 1, updated_at = ? WHERE integration_id = ? AND external_id = ? AND removed = 0",
  );
  const dropMembers = sql("DELETE FROM memberships WHERE integration_id = ? AND group_external_id = ?");
  for (const externalId of batch.groups?.remove ?? []) {
    removeGroup.run(now, integrationId, externalId);
    dropMembers.run(integrationId, externalId);
  }
  const add = sql(
    "INSERT OR IGNORE INTO memberships (integration_id, group_external_id, user_external_id) VALUES (?, ?, ?)",
  );
  for (const m of batch.memberships?.add ?? []) add.run(integrationId, m.groupExternalId, m.userExternalId);
  const remove = sql(
    "DELETE FROM memberships WHERE integration_id = ? AND group_external_id = ? AND user_external_id = ?",
  );
  for (const m of batch.memberships?.remove ?? [])
    remove.run(integrationId, m.groupExternalId, m.userExternalId);
  applySqliteRecords(database, integrationId, batch.records ?? [], now);
}
