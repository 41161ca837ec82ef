import type { DirectoryBatch, JsonValue, LockFence } from "@uslimato/core/storage";
import { booleanArray, textArray } from "../params/array-literal";
import { fenceCtes } from "./fence-ctes";
import type { LinkChanges, NewLink } from "./link-changes";
import { linkStatusCte } from "./link-status-cte";
import type { PageStatement } from "./page-statement";
import { statementParams } from "./statement-params";
import { waitingOwnerCtes } from "./waiting-owner-ctes";

/**
 * The first statement of every page: the checkpoint, the new users, their links and the marks of every other link
 * the page touches, as data-modifying CTEs of one statement. None of them reads a row another one writes (links
 * carry no foreign key, and `linkChanges` gives each link row to one CTE), so writing them at once is the same as one
 * after the other, and a page of new users, or of known users seen and reported by a sweep, costs one round trip.
 * New users get `hge_id_account_id = NULL`; a new link gets its sweep mark and reported status here, and is a plain
 * insert when known to be new (`fresh`; a unique violation if it is not, and nothing is written). Record owners waiting
 * for a user that the page's new links, new users or changed emails match are resolved here too (they read only
 * the page's arrays, never a row another CTE writes). With a `fence`, the statement first checks the lock and the
 * sweep's owner (see {@link fenceCtes}) and writes nothing unless both hold; its row then says `fenced` and `owned`.
 */
export function pageHead(
  s: string,
  integrationId: string,
  batch: DirectoryBatch,
  checkpoint: JsonValue,
  changes: LinkChanges,
  fence?: LockFence,
): PageStatement {
  const params = statementParams([integrationId, JSON.stringify(checkpoint)]);
  const $ = params.bind;
  const guard = fenceCtes(s, batch, fence, $);
  const where = guard ? `WHERE ${guard.gate}` : "";
  const ctes = [
    ...(guard?.ctes ?? []),
    `saved AS (INSERT INTO ${s}.checkpoints (integration_id, value, updated_at) SELECT $1, $2::jsonb, now() ${where}
       ON CONFLICT (integration_id) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at)`,
  ];
  const create = batch.users?.create ?? [];
  if (create.length > 0) {
    // The attributes go as one JSON array: one JSON.stringify instead of one per user and the escaping of every
    // quote in a text[] literal, and the server parses it as fast.
    ctes.push(
      `created AS (INSERT INTO ${s}.users (id, email, display_name, active, role, hge_id_account_id, attributes,
         created_at, updated_at)
       SELECT t.id, t.email, t.display_name, t.active, t.role, NULL, t.attributes, now(), now()
       FROM ROWS FROM (unnest(${params.shared("create.ids", () => textArray(create.map((u) => u.id)))}::text[]),
         unnest(${params.shared("create.emails", () => textArray(create.map((u) => u.email)))}::text[]),
         unnest(${$(textArray(create.map((u) => u.displayName)))}::text[]),
         unnest(${params.shared("create.active", () => booleanArray(create.map((u) => u.active)))}::boolean[]),
         unnest(${$(textArray(create.map((u) => u.role)))}::text[]),
         jsonb_array_elements(${$(JSON.stringify(create.map((u) => u.attributes)))}::jsonb))
         AS t(id, email, display_name, active, role, attributes) ${where})`,
    );
  }
  const { links, statuses } = changes;
  const sweepId = batch.seen?.sweepId ?? null;
  const fresh = links.filter((l) => l.fresh);
  const known = fresh.length === links.length ? [] : links.filter((l) => !l.fresh);
  for (const [name, group] of [
    ["inserted", fresh],
    ["linked", known],
  ] as const) {
    if (group.length === 0) continue;
    // The whole page's links (the usual case) share their arrays with the waiting owners' update.
    const key = group.length === links.length ? "links" : name;
    ctes.push(
      `${name} AS (INSERT INTO ${s}.user_links (integration_id, external_id, user_id, last_seen_sweep, reported_active)
       SELECT $1, t.external_id, t.user_id, CASE WHEN t.seen THEN ${$(sweepId)}::text END, COALESCE(t.reported, true)
       FROM unnest(${params.shared(`${key}.externalIds`, () => textArray(group.map((l) => l.externalId)))}::text[],
         ${params.shared(`${key}.userIds`, () => textArray(group.map((l) => l.userId)))}::text[],
         ${params.shared(`${key}.seen`, () => booleanArray(group.map((l) => l.seen)))}::boolean[], ${params.shared(`${key}.reported`, () => booleanArray(group.map((l) => l.reported)))}::boolean[])
         AS t(external_id, user_id, seen, reported)
       ${where}${name === "linked" ? upsert(s, group, $) : ""})`,
    );
  }
  const status = linkStatusCte(s, statuses, sweepId, $, guard?.gate);
  if (status) ctes.push(status);
  ctes.push(...waitingOwnerCtes(s, batch, links, params, guard?.gate));
  return { text: `WITH ${ctes.join(",\n")}\nSELECT ${guard?.report ?? "1"}`, values: params.values };
}

/**
 * The upsert of links that may exist already: re-pointed to the new user, keeping their sweep mark unless the page
 * gives one, and taking the page's reported status: every link reported, from the new row; none, left as it is;
 * some, from the new row unless its external id is among the unreported.
 */
function upsert(s: string, links: ReadonlyArray<NewLink>, $: (value: unknown) => string): string {
  const set = `
       ON CONFLICT (integration_id, external_id) DO UPDATE SET user_id = EXCLUDED.user_id,
         last_seen_sweep = COALESCE(EXCLUDED.last_seen_sweep, ${s}.user_links.last_seen_sweep)`;
  const unreported = links.filter((l) => l.reported === null).map((l) => l.externalId);
  if (unreported.length === links.length) return set;
  if (unreported.length === 0) return `${set}, reported_active = EXCLUDED.reported_active`;
  return `${set}, reported_active = CASE WHEN EXCLUDED.external_id = ANY(${$(textArray(unreported))}::text[])
         THEN ${s}.user_links.reported_active ELSE EXCLUDED.reported_active END`;
}
