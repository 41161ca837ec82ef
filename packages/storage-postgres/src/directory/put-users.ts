import type { StoredUser } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";
import { toStorageError } from "../transactions/to-storage-error";
import { lastByKey } from "./last-by-key";

/**
 * Inserts or replaces host-owned users (every field, HGE ID account and role included) in one statement. Two
 * users with one email is `STORAGE_CONFLICT`, and then nothing is written. Record owners waiting for these
 * emails are resolved in the same statement.
 */
export async function putUsers(db: Queryable, s: string, input: ReadonlyArray<StoredUser>): Promise<void> {
  const users = lastByKey(input, (u) => u.id);
  if (users.length === 0) return;
  try {
    await db.query(
      `WITH put AS (INSERT INTO ${s}.users (id, email, display_name, active, role, hge_id_account_id, attributes,
         created_at, updated_at)
       SELECT t.id, t.email, t.display_name, t.active, t.role, t.hge, t.attributes::jsonb, t.created_at, t.updated_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[],
         $8::timestamptz[], $9::timestamptz[])
         AS t(id, email, display_name, active, role, hge, attributes, created_at, updated_at)
       ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name,
         active = EXCLUDED.active, role = EXCLUDED.role, hge_id_account_id = EXCLUDED.hge_id_account_id,
         attributes = EXCLUDED.attributes, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at)
       UPDATE ${s}.records AS r SET owner_user_id = t.id FROM unnest($1::text[], $2::text[]) AS t(id, email)
       WHERE r.owner_user_id IS NULL AND r.owner_email IS NOT NULL AND r.owner_email = ANY($2::text[])
         AND r.owner_email = t.email`,
      [
        users.map((u) => u.id),
        users.map((u) => u.email),
        users.map((u) => u.displayName),
        users.map((u) => u.active),
        users.map((u) => u.role),
        users.map((u) => u.hgeIdAccountId),
        users.map((u) => JSON.stringify(u.attributes)),
        users.map((u) => u.createdAt),
        users.map((u) => u.updatedAt),
      ],
    );
  } catch (error) {
    throw toStorageError(error, "Saving users");
  }
}
