import type { UserLookup } from "@uslimato/core/storage";
import { textArray } from "../params/array-literal";
import { namedStatement } from "../transactions/named-statement";
import type { Queryable } from "../transactions/queryable";
import { type LinkRow, prefixedColumns, toLink, toUser, USER_COLUMNS, type UserRow } from "./directory-rows";

const prefixed = prefixedColumns(USER_COLUMNS, "u");

/** A row of the lookup: a user found by a link (`by_link`, with the link's columns) or by email (with its links). */
type FoundRow = UserRow & {
  by_link: boolean;
  link_external_id: string;
  link_pending: boolean;
  linked_external_ids: string[];
};

/**
 * The batched lookup of a page: one query whatever the page size, in two parts. One joins this integration's links
 * for the external ids to their users; the other finds users by email with this integration's linked external
 * ids aggregated. Results follow the order of the request.
 *
 * Each requested key is a `LATERAL ... LIMIT 1` probe of a unique index. A plain join of `unnest` with the table
 * lets the planner pick a hash join over the whole table (cheaper on paper with `random_page_cost = 4` until
 * a table has a few hundred thousand rows): every page then scanned every user, and a first sync of 100k users
 * spent 12 of its 13 s in lookups. Probes keep a page's lookup at the same cost whatever the table's size.
 * With `prepared`, it is sent as a named statement (see `namedStatement`).
 */
export async function findUsers(
  db: Queryable,
  s: string,
  integrationId: string,
  query: { externalIds: ReadonlyArray<string>; emails: ReadonlyArray<string> },
  prepared = false,
): Promise<UserLookup> {
  const externalIds = [...new Set(query.externalIds)];
  const emails = [...new Set(query.emails)];
  if (externalIds.length === 0 && emails.length === 0) return { byExternalId: [], byEmail: [] };
  const text = `SELECT true AS by_link, ${prefixed}, l.external_id AS link_external_id, l.pending_deactivation AS link_pending,
     NULL::text[] AS linked_external_ids, q.ord
   FROM unnest($2::text[]) WITH ORDINALITY AS q(external_id, ord)
   CROSS JOIN LATERAL (SELECT * FROM ${s}.user_links AS l
     WHERE l.integration_id = $1 AND l.external_id = q.external_id LIMIT 1) AS l
   CROSS JOIN LATERAL (SELECT * FROM ${s}.users AS u WHERE u.id = l.user_id LIMIT 1) AS u
   UNION ALL
   SELECT false, ${prefixed}, NULL, NULL, ARRAY(
       SELECT l.external_id FROM ${s}.user_links AS l
       WHERE l.integration_id = $1 AND l.user_id = u.id ORDER BY l.external_id), q.ord
   FROM unnest($3::text[]) WITH ORDINALITY AS q(email, ord)
   CROSS JOIN LATERAL (SELECT * FROM ${s}.users AS u WHERE u.email = q.email LIMIT 1) AS u
   ORDER BY by_link DESC, ord`;
  const values = [integrationId, textArray(externalIds), textArray(emails)];
  const result = await (prepared
    ? db.query<FoundRow>(namedStatement(text, values))
    : db.query<FoundRow>(text, values));
  const linked = result.rows.filter((row) => row.by_link);
  const byEmail = result.rows.filter((row) => !row.by_link);
  return {
    byExternalId: linked.map((row) => {
      const link: LinkRow = {
        integration_id: integrationId,
        external_id: row.link_external_id,
        user_id: row.id,
        pending_deactivation: row.link_pending,
      };
      return { link: toLink(link), user: toUser(row) };
    }),
    byEmail: byEmail.map((row) => ({ user: toUser(row), linkedExternalIds: row.linked_external_ids })),
  };
}
