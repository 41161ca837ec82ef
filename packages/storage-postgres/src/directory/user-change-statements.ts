import type { DirectoryBatch, UserUpdate } from "@uslimato/core/storage";
import { booleanArray, textArray } from "../params/array-literal";
import type { LinkChanges } from "./link-changes";
import type { PageStatement } from "./page-statement";

type UserChanges = NonNullable<DirectoryBatch["users"]>;
type FlatUpdate = UserUpdate["set"] & { userId: string };

/** Folds several updates of one user into one, later fields winning; keeps only the fields a sync may set. */
function mergeUpdates(updates: ReadonlyArray<UserUpdate>): FlatUpdate[] {
  const merged = new Map<string, FlatUpdate>();
  for (const { userId, set } of updates) {
    const next: FlatUpdate = { ...merged.get(userId), userId };
    if (set.email !== undefined) next.email = set.email;
    if (set.displayName !== undefined) next.displayName = set.displayName;
    if (set.active !== undefined) next.active = set.active;
    if (set.attributes !== undefined) next.attributes = set.attributes;
    merged.set(userId, next);
  }
  return [...merged.values()];
}

/**
 * The statements of a page's user changes after its head (creates, links and the marks of links, see `pageHead`),
 * none for an empty step: the updates, then pending marks on links the head just wrote (rare: a link the page both
 * writes and marks). `hge_id_account_id` and `role` are never in an update's SET list.
 */
export function userChangeStatements(
  s: string,
  integrationId: string,
  users: UserChanges,
  pendingOfLinks: LinkChanges["pendingOfLinks"],
): PageStatement[] {
  const statements: PageStatement[] = [];
  const update = mergeUpdates(users.update ?? []);
  if (update.length > 0) {
    statements.push({
      text: `UPDATE ${s}.users AS u SET email = COALESCE(t.email, u.email),
         display_name = CASE WHEN t.set_display_name THEN t.display_name ELSE u.display_name END,
         active = COALESCE(t.active, u.active),
         attributes = COALESCE(NULLIF(t.attributes, 'null'::jsonb), u.attributes), updated_at = now()
       FROM ROWS FROM (unnest($1::text[]), unnest($2::text[]), unnest($3::boolean[]), unnest($4::text[]),
         unnest($5::boolean[]), jsonb_array_elements($6::jsonb))
         AS t(user_id, email, set_display_name, display_name, active, attributes)
       WHERE u.id = ANY($1::text[]) AND u.id = t.user_id`,
      values: [
        textArray(update.map((u) => u.userId)),
        textArray(update.map((u) => u.email ?? null)),
        booleanArray(update.map((u) => u.displayName !== undefined)),
        textArray(update.map((u) => u.displayName ?? null)),
        booleanArray(update.map((u) => u.active ?? null)),
        // One JSON array (null where unchanged; attributes are objects, never null), as for new users.
        JSON.stringify(update.map((u) => u.attributes ?? null)),
      ],
    });
  }
  if (pendingOfLinks.length > 0) {
    statements.push({
      text: `UPDATE ${s}.user_links AS l SET pending_deactivation = t.pending
       FROM unnest($2::text[], $3::boolean[]) AS t(external_id, pending)
       WHERE l.integration_id = $1 AND l.external_id = ANY($2::text[]) AND l.external_id = t.external_id`,
      values: [
        integrationId,
        textArray(pendingOfLinks.map((l) => l.externalId)),
        booleanArray(pendingOfLinks.map((l) => l.pending)),
      ],
    });
  }
  return statements;
}
