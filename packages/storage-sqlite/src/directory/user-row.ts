import type { SQLOutputValue } from "node:sqlite";
import type { StoredUser } from "@uslimato/core/storage";
import { fromBool, fromJson, fromMs } from "../database/json-column";

/** The user columns every user query selects, prefixed by the `u.` alias. */
export const USER_COLUMNS =
  "u.id, u.email, u.display_name, u.active, u.role, u.hge_id_account_id, u.attributes, u.created_at, u.updated_at";

/** A user from a row selected with {@link USER_COLUMNS}. */
export function fromUserRow(row: Record<string, SQLOutputValue>): StoredUser {
  return {
    id: row.id as string,
    email: row.email as string,
    displayName: row.display_name as string | null,
    active: fromBool(row.active),
    role: row.role as string,
    hgeIdAccountId: row.hge_id_account_id as string | null,
    attributes: fromJson(row.attributes),
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  };
}
