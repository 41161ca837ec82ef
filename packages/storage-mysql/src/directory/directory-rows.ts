import type { StoredGroup, StoredRecord, StoredUser } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { fromBool, fromJson, fromMs } from "../database/columns";

/** User columns, prefixed `u.`. */
export const USER_COLUMNS =
  "u.id, u.email, u.display_name, u.active, u.role, u.hge_id_account_id, u.attributes, u.created_at, u.updated_at";

/** A user from a row selected with {@link USER_COLUMNS}. */
export const toUser = (row: RowDataPacket): StoredUser => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  active: fromBool(row.active),
  role: row.role,
  hgeIdAccountId: row.hge_id_account_id,
  attributes: fromJson(row.attributes),
  createdAt: fromMs(row.created_at),
  updatedAt: fromMs(row.updated_at),
});

/** A group from a row of the groups table. */
export const toGroup = (row: RowDataPacket): StoredGroup => ({
  integrationId: row.integration_id,
  externalId: row.external_id,
  displayName: row.display_name,
  description: row.description,
  attributes: fromJson(row.attributes),
  removed: fromBool(row.removed),
  updatedAt: fromMs(row.updated_at),
});

/** A device or asset from a row of the records table. */
export const toRecord = (row: RowDataPacket): StoredRecord => ({
  integrationId: row.integration_id,
  kind: row.kind,
  externalId: row.external_id,
  data: fromJson(row.data),
  owner:
    row.owner_email === null && row.owner_external_id === null
      ? null
      : {
          email: row.owner_email,
          externalUserId: row.owner_external_id,
          source: row.owner_source,
          userId: row.owner_user_id,
        },
  removed: fromBool(row.removed),
  pendingRemoval: fromBool(row.pending_removal),
  updatedAt: fromMs(row.updated_at),
});
