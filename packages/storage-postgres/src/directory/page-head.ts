import type { DirectoryBatch, JsonValue, LockFence } from "@uslimato/core/storage";
import { booleanArray, textArray } from "../params/array-literal";
import { fenceCtes } from "./fence-ctes";
import { lastByKey } from "./last-by-key";
import type { PageStatement } from "./page-statement";
import { waitingOwnerCtes } from "./waiting-owner-ctes";

/**
 * The first statement of every page: the checkpoint, the new users and their links, as data-modifying CTEs of one
 * statement. None of the three reads a row another one writes (links carry no foreign key), so writing them at
 * once is the same as one after the other, and a page of new users costs one round trip. New users get
 * `hge_id_account_id = NULL`; a new link the page's sweep also saw gets its sweep mark here. Record owners waiting
 * for a user that the page's new links, new users or changed emails match are resolved here too (they read only
 * the page's arrays, never a row another CTE writes). With a `fence`, the statement first checks the lock and the
 * sweep's owner (see {@link fenceCtes}) and writes nothing unless both hold; its row then says `fenced` and `owned`.
 */
export function pageHead(
  s: string,
  integrationId: string,
  batch: DirectoryBatch,
  checkpoint: JsonValue,
  fence?: LockFence,
): PageStatement {
  const values: unknown[] = [integrationId, JSON.stringify(checkpoint)];
  const $ = (value: unknown): string => `$${values.push(value)}`;
  const guard = fenceCtes(s, batch, fence, $);
  const where = guard ? `WHERE ${guard.gate}` : "";
  const ctes = [
    ...(guard?.ctes ?? []),
    `saved AS (INSERT INTO ${s}.checkpoints (integration_id, value, updated_at) SELECT $1, $2::jsonb, now() ${where}
       ON CONFLICT (integration_id) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at)`,
  ];
  const create = batch.users?.create ?? [];
  if (create.length > 0) {
    ctes.push(
      `created AS (INSERT INTO ${s}.users (id, email, display_name, active, role, hge_id_account_id, attributes,
         created_at, updated_at)
       SELECT t.id, t.email, t.display_name, t.active, t.role, NULL, t.attributes::jsonb, now(), now()
       FROM unnest(${$(textArray(create.map((u) => u.id)))}::text[], ${$(textArray(create.map((u) => u.email)))}::text[],
         ${$(textArray(create.map((u) => u.displayName)))}::text[], ${$(booleanArray(create.map((u) => u.active)))}::boolean[],
         ${$(textArray(create.map((u) => u.role)))}::text[], ${$(textArray(create.map((u) => JSON.stringify(u.attributes))))}::text[])
         AS t(id, email, display_name, active, role, attributes) ${where})`,
    );
  }
  const link = lastByKey(batch.users?.link ?? [], (l) => l.externalId);
  if (link.length > 0) {
    const seen = new Set(batch.seen?.users ?? []);
    ctes.push(
      `linked AS (INSERT INTO ${s}.user_links (integration_id, external_id, user_id, last_seen_sweep)
       SELECT $1, t.external_id, t.user_id, CASE WHEN t.seen THEN ${$(batch.seen?.sweepId ?? null)}::text END
       FROM unnest(${$(textArray(link.map((l) => l.externalId)))}::text[], ${$(textArray(link.map((l) => l.userId)))}::text[],
         ${$(booleanArray(link.map((l) => seen.has(l.externalId))))}::boolean[]) AS t(external_id, user_id, seen)
       ${where}
       ON CONFLICT (integration_id, external_id) DO UPDATE SET user_id = EXCLUDED.user_id,
         last_seen_sweep = COALESCE(EXCLUDED.last_seen_sweep, ${s}.user_links.last_seen_sweep))`,
    );
  }
  ctes.push(...waitingOwnerCtes(s, batch, $, guard?.gate));
  return { text: `WITH ${ctes.join(",\n")}\nSELECT ${guard?.report ?? "1"}`, values };
}
