import type { DirectoryBatch } from "@uslimato/core/storage";
import { textArray } from "../params/array-literal";
import { lastByKey } from "./last-by-key";

/**
 * Data-modifying CTEs that resolve record owners still waiting for a user, through the partial indexes over
 * waiting owners (never a scan of records): owners whose external id a new link of this integration (`$1`) links
 * (records of the same host tenant whose owner source is this integration's connector), and owners whose email a
 * new user or a changed email now has. `$` binds a parameter and returns its placeholder; `gate` (the page's fence
 * condition, when fenced) is added to every update so nothing is written unless it holds.
 */
export function waitingOwnerCtes(
  s: string,
  batch: DirectoryBatch,
  $: (value: unknown) => string,
  gate?: string,
): string[] {
  const ctes: string[] = [];
  const and = gate ? ` AND ${gate}` : "";
  const links = lastByKey(batch.users?.link ?? [], (l) => l.externalId);
  if (links.length > 0) {
    const ids = $(textArray(links.map((l) => l.externalId)));
    ctes.push(
      `owners_by_link AS (UPDATE ${s}.records AS r SET owner_user_id = t.user_id
       FROM unnest(${ids}::text[], ${$(textArray(links.map((l) => l.userId)))}::text[]) AS t(external_id, user_id),
         ${s}.integrations AS me
       WHERE me.id = $1 AND r.owner_user_id IS NULL AND r.owner_external_id IS NOT NULL
         AND r.owner_external_id = ANY(${ids}::text[]) AND r.owner_external_id = t.external_id
         AND r.owner_source = me.connector_id
         AND r.integration_id IN (SELECT id FROM ${s}.integrations WHERE tenant_id = me.tenant_id)${and})`,
    );
  }
  const emails = lastByKey(
    [
      ...(batch.users?.create ?? []).map((u) => ({ userId: u.id, email: u.email })),
      ...(batch.users?.update ?? []).flatMap((u) =>
        u.set.email === undefined ? [] : [{ userId: u.userId, email: u.set.email }],
      ),
    ],
    (e) => e.email,
  );
  if (emails.length > 0) {
    const list = $(textArray(emails.map((e) => e.email)));
    ctes.push(
      `owners_by_email AS (UPDATE ${s}.records AS r SET owner_user_id = t.user_id
       FROM unnest(${list}::text[], ${$(textArray(emails.map((e) => e.userId)))}::text[]) AS t(email, user_id)
       WHERE r.owner_user_id IS NULL AND r.owner_email IS NOT NULL AND r.owner_email = ANY(${list}::text[])
         AND r.owner_email = t.email${and})`,
    );
  }
  return ctes;
}
