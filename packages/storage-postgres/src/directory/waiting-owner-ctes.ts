import type { DirectoryBatch } from "@uslimato/core/storage";
import { textArray } from "../params/array-literal";
import { lastByKey } from "./last-by-key";
import type { StatementParams } from "./statement-params";

/**
 * Data-modifying CTEs that resolve record owners still waiting for a user, through the partial indexes over
 * waiting owners (never a scan of records): owners whose external id one of the page's `links` (last per external
 * id) of this integration (`$1`) links (records of the same host tenant whose owner source is this integration's
 * connector), and owners whose email a new user or a changed email now has; each only if some owner waits that way
 * (see {@link anyWaiting}). The arrays are bound through `params`
 * under the keys the page's link and user inserts use (`links.*`, `create.*`), so each is built and sent once;
 * `gate` (the page's fence condition, when fenced) is added to every update so nothing is written unless it holds.
 */
export function waitingOwnerCtes(
  s: string,
  batch: DirectoryBatch,
  links: ReadonlyArray<{ externalId: string; userId: string }>,
  params: StatementParams,
  gate?: string,
): string[] {
  const ctes: string[] = [];
  const and = gate ? ` AND ${gate}` : "";
  if (links.length > 0) {
    const ids = params.shared("links.externalIds", () => textArray(links.map((l) => l.externalId)));
    ctes.push(
      `owners_by_link AS (UPDATE ${s}.records AS r SET owner_user_id = t.user_id
       FROM unnest(${ids}::text[], ${params.shared("links.userIds", () => textArray(links.map((l) => l.userId)))}::text[]) AS t(external_id, user_id),
         ${s}.integrations AS me
       WHERE me.id = $1 AND r.owner_user_id IS NULL AND r.owner_external_id IS NOT NULL
         AND r.owner_external_id = ANY(${ids}::text[]) AND r.owner_external_id = t.external_id
         AND r.owner_source = me.connector_id
         AND r.integration_id IN (SELECT id FROM ${s}.integrations WHERE tenant_id = me.tenant_id)
         AND ${anyWaiting(s, "owner_external_id")}${and})`,
    );
  }
  const emails = newEmails(batch, params);
  if (emails) {
    ctes.push(
      `owners_by_email AS (UPDATE ${s}.records AS r SET owner_user_id = t.user_id
       FROM unnest(${emails.list}::text[], ${emails.userIds}::text[]) AS t(email, user_id)
       WHERE r.owner_user_id IS NULL AND r.owner_email IS NOT NULL AND r.owner_email = ANY(${emails.list}::text[])
         AND r.owner_email = t.email AND ${anyWaiting(s, "owner_email")}${and})`,
    );
  }
  return ctes;
}

/**
 * A condition that holds when some owner waits by `key`: the first entry of that partial index (the `ORDER BY`
 * keeps it a look at the index, never a scan of records). Evaluated once, before the update: when nobody waits (a
 * directory without devices or assets, or all of them resolved) the update reads nothing, instead of sorting the
 * page's thousand keys and probing the index with each.
 */
function anyWaiting(s: string, key: "owner_external_id" | "owner_email"): string {
  return `(SELECT w.${key} FROM ${s}.records AS w WHERE w.owner_user_id IS NULL AND w.${key} IS NOT NULL
           ORDER BY w.${key} LIMIT 1) IS NOT NULL`;
}

/**
 * The placeholders of the page's new emails and their users: those of the new users (the arrays their insert
 * binds) when no update changes an email, else every new or changed email, the last per email. Null: none.
 */
function newEmails(batch: DirectoryBatch, params: StatementParams): { list: string; userIds: string } | null {
  const create = batch.users?.create ?? [];
  const changed = (batch.users?.update ?? []).flatMap((u) =>
    u.set.email === undefined ? [] : [{ userId: u.userId, email: u.set.email }],
  );
  if (changed.length === 0) {
    if (create.length === 0) return null;
    return {
      list: params.shared("create.emails", () => textArray(create.map((u) => u.email))),
      userIds: params.shared("create.ids", () => textArray(create.map((u) => u.id))),
    };
  }
  const emails = lastByKey(
    [...create.map((u) => ({ userId: u.id, email: u.email })), ...changed],
    (e) => e.email,
  );
  return {
    list: params.bind(textArray(emails.map((e) => e.email))),
    userIds: params.bind(textArray(emails.map((e) => e.userId))),
  };
}
