import type { UserLookup } from "@uslimato/core";
import { textArray } from "../params/array-literal";
import type { Queryable } from "../transactions/queryable";
import { type LinkRow, toLink, toUser, USER_COLUMNS, type UserRow } from "./directory-rows";

const prefixed = USER_COLUMNS.split(", ")
  .map((column) => `u.${column}`)
  .join(", ");

/**
 * The batched lookup of a page: at most two queries whatever the page size. One joins this integration's links
 * for the external ids to their users; the other finds users by email with this integration's linked external
 * ids aggregated. Results follow the order of the request.
 */
export async function findUsers(
  db: Queryable,
  s: string,
  integrationId: string,
  query: { externalIds: ReadonlyArray<string>; emails: ReadonlyArray<string> },
): Promise<UserLookup> {
  const externalIds = [...new Set(query.externalIds)];
  const emails = [...new Set(query.emails)];
  const [linked, byEmail] = await Promise.all([
    externalIds.length === 0
      ? { rows: [] }
      : db.query<UserRow & { link_external_id: string; link_pending: boolean }>(
          `SELECT ${prefixed}, l.external_id AS link_external_id, l.pending_deactivation AS link_pending
           FROM unnest($2::text[]) WITH ORDINALITY AS q(external_id, ord)
           JOIN ${s}.user_links AS l ON l.integration_id = $1 AND l.external_id = q.external_id
           JOIN ${s}.users AS u ON u.id = l.user_id
           ORDER BY q.ord`,
          [integrationId, textArray(externalIds)],
        ),
    emails.length === 0
      ? { rows: [] }
      : db.query<UserRow & { linked_external_ids: string[] }>(
          `SELECT ${prefixed}, ARRAY(
             SELECT l.external_id FROM ${s}.user_links AS l
             WHERE l.integration_id = $1 AND l.user_id = u.id ORDER BY l.external_id) AS linked_external_ids
           FROM unnest($2::text[]) WITH ORDINALITY AS q(email, ord)
           JOIN ${s}.users AS u ON u.email = q.email
           ORDER BY q.ord`,
          [integrationId, textArray(emails)],
        ),
  ]);
  return {
    byExternalId: linked.rows.map((row) => {
      const link: LinkRow = {
        integration_id: integrationId,
        external_id: row.link_external_id,
        user_id: row.id,
        pending_deactivation: row.link_pending,
      };
      return { link: toLink(link), user: toUser(row) };
    }),
    byEmail: byEmail.rows.map((row) => ({ user: toUser(row), linkedExternalIds: row.linked_external_ids })),
  };
}
