import type { JsonObject, StoredGroup, StoredRecord, StoredUser, UserLink } from "@uslimato/core/storage";

/** A row of `users`. */
export interface UserRow {
  id: string;
  email: string;
  display_name: string | null;
  active: boolean;
  role: string;
  hge_id_account_id: string | null;
  attributes: JsonObject;
  created_at: Date;
  updated_at: Date;
}

/** A row of `user_links` (the sweep column stays internal). */
export interface LinkRow {
  integration_id: string;
  external_id: string;
  user_id: string;
  pending_deactivation: boolean;
}

/** A row of `groups`. */
export interface GroupRow {
  integration_id: string;
  external_id: string;
  display_name: string | null;
  description: string | null;
  attributes: JsonObject;
  removed: boolean;
  updated_at: Date;
}

/** A row of `records`. */
export interface RecordRow {
  integration_id: string;
  kind: StoredRecord["kind"];
  external_id: string;
  data: JsonObject;
  owner_email: string | null;
  owner_external_id: string | null;
  owner_source: string | null;
  owner_user_id: string | null;
  removed: boolean;
  pending_removal: boolean;
  updated_at: Date;
}

/** The `users` columns, in the order {@link UserRow} lists them. */
export const USER_COLUMNS =
  "id, email, display_name, active, role, hge_id_account_id, attributes, created_at, updated_at";

/** The columns of `groups` that {@link GroupRow} reads. */
export const GROUP_COLUMNS =
  "integration_id, external_id, display_name, description, attributes, removed, updated_at";

/** The columns of `records` that {@link RecordRow} reads. */
export const RECORD_COLUMNS =
  "integration_id, kind, external_id, data, owner_email, owner_external_id, owner_source, owner_user_id, removed, pending_removal, updated_at";

/** A column list qualified with a table alias: `prefixedColumns("a, b", "u")` is `"u.a, u.b"`. */
export function prefixedColumns(columns: string, alias: string): string {
  return columns
    .split(", ")
    .map((column) => `${alias}.${column}`)
    .join(", ");
}

/** Maps a `users` row to a {@link StoredUser}. */
export const toUser = (row: UserRow): StoredUser => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  active: row.active,
  role: row.role,
  hgeIdAccountId: row.hge_id_account_id,
  attributes: row.attributes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Maps a `user_links` row to a {@link UserLink}. */
export const toLink = (row: LinkRow): UserLink => ({
  integrationId: row.integration_id,
  externalId: row.external_id,
  userId: row.user_id,
  pendingDeactivation: row.pending_deactivation,
});

/** Maps a `groups` row to a {@link StoredGroup}. */
export const toGroup = (row: GroupRow): StoredGroup => ({
  integrationId: row.integration_id,
  externalId: row.external_id,
  displayName: row.display_name,
  description: row.description,
  attributes: row.attributes,
  removed: row.removed,
  updatedAt: row.updated_at,
});

/** Maps a `records` row to a {@link StoredRecord}. */
export const toRecord = (row: RecordRow): StoredRecord => ({
  integrationId: row.integration_id,
  kind: row.kind,
  externalId: row.external_id,
  data: row.data,
  owner:
    row.owner_email === null && row.owner_external_id === null
      ? null
      : {
          email: row.owner_email,
          externalUserId: row.owner_external_id,
          source: row.owner_source,
          userId: row.owner_user_id,
        },
  removed: row.removed,
  pendingRemoval: row.pending_removal,
  updatedAt: row.updated_at,
});
