import type { DirectoryBatch } from "@uslimato/core/storage";
import { textArray } from "../params/array-literal";
import { lastByKey } from "./last-by-key";
import type { PageStatement } from "./page-statement";

/**
 * The statements of a page's groups, memberships and devices/assets, one per step and none for an empty step:
 * group upserts (reviving removed groups), group removals (marking, and dropping their memberships), membership
 * adds (idempotent) and removes, record upserts (with their owners resolved), record removals (marking) and
 * pending removal marks.
 */
export function otherChangeStatements(
  s: string,
  integrationId: string,
  batch: DirectoryBatch,
): PageStatement[] {
  const statements: PageStatement[] = [];
  const groups = lastByKey(batch.groups?.upsert ?? [], (g) => g.externalId);
  if (groups.length > 0) {
    statements.push({
      text: `INSERT INTO ${s}.groups (integration_id, external_id, display_name, description, attributes, removed,
         updated_at)
       SELECT $1, t.external_id, t.display_name, t.description, t.attributes::jsonb, false, now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
         AS t(external_id, display_name, description, attributes)
       ON CONFLICT (integration_id, external_id) DO UPDATE SET display_name = EXCLUDED.display_name,
         description = EXCLUDED.description, attributes = EXCLUDED.attributes, removed = false,
         updated_at = EXCLUDED.updated_at`,
      values: [
        integrationId,
        groups.map((g) => g.externalId),
        groups.map((g) => g.displayName),
        groups.map((g) => g.description),
        groups.map((g) => JSON.stringify(g.attributes)),
      ],
    });
  }
  const removedGroups = batch.groups?.remove ?? [];
  if (removedGroups.length > 0) {
    statements.push({
      text: `WITH marked AS (
         UPDATE ${s}.groups SET removed = true, updated_at = now()
         WHERE integration_id = $1 AND external_id = ANY($2::text[]) AND NOT removed)
       DELETE FROM ${s}.memberships WHERE integration_id = $1 AND group_external_id = ANY($2::text[])`,
      values: [integrationId, [...removedGroups]],
    });
  }
  const add = batch.memberships?.add ?? [];
  if (add.length > 0) {
    statements.push({
      text: `INSERT INTO ${s}.memberships (integration_id, group_external_id, user_external_id)
       SELECT $1, t.g, t.u FROM unnest($2::text[], $3::text[]) AS t(g, u) ON CONFLICT DO NOTHING`,
      values: [integrationId, add.map((m) => m.groupExternalId), add.map((m) => m.userExternalId)],
    });
  }
  const remove = batch.memberships?.remove ?? [];
  if (remove.length > 0) {
    statements.push({
      text: `DELETE FROM ${s}.memberships AS m USING unnest($2::text[], $3::text[]) AS t(g, u)
       WHERE m.integration_id = $1 AND m.group_external_id = ANY($2::text[])
         AND m.group_external_id = t.g AND m.user_external_id = t.u`,
      values: [integrationId, remove.map((m) => m.groupExternalId), remove.map((m) => m.userExternalId)],
    });
  }
  statements.push(...recordStatements(s, integrationId, batch.records ?? []));
  return statements;
}

function recordStatements(
  s: string,
  integrationId: string,
  changes: NonNullable<DirectoryBatch["records"]>,
): PageStatement[] {
  const statements: PageStatement[] = [];
  const upserts = lastByKey(
    changes.flatMap((c) => (c.upsert ?? []).map((r) => ({ kind: c.kind, ...r }))),
    (r) => `${r.kind}\u0000${r.externalId}`,
  );
  if (upserts.length > 0) {
    // The owner: by external id through a link of an integration of this tenant whose connector is the owner's
    // source (primary-key probes), else by email (unique index).
    statements.push({
      text: `INSERT INTO ${s}.records (integration_id, kind, external_id, data, owner_email, owner_external_id,
         owner_source, owner_user_id, removed, pending_removal, updated_at)
       SELECT $1, t.kind, t.external_id, t.data::jsonb, t.email, t.ext, t.source,
         COALESCE(
           (SELECT l.user_id FROM ${s}.integrations AS i
              JOIN ${s}.user_links AS l ON l.integration_id = i.id AND l.external_id = t.ext
            WHERE t.source IS NOT NULL AND i.connector_id = t.source
              AND i.tenant_id = (SELECT tenant_id FROM ${s}.integrations WHERE id = $1)
            LIMIT 1),
           (SELECT u.id FROM ${s}.users AS u WHERE t.email IS NOT NULL AND u.email = t.email)),
         false, false, now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS t(kind, external_id, data, email, ext, source)
       ON CONFLICT (integration_id, kind, external_id) DO UPDATE SET data = EXCLUDED.data,
         owner_email = EXCLUDED.owner_email, owner_external_id = EXCLUDED.owner_external_id,
         owner_source = EXCLUDED.owner_source, owner_user_id = EXCLUDED.owner_user_id, removed = false,
         pending_removal = false, updated_at = EXCLUDED.updated_at`,
      values: [
        integrationId,
        textArray(upserts.map((r) => r.kind)),
        textArray(upserts.map((r) => r.externalId)),
        textArray(upserts.map((r) => JSON.stringify(r.data))),
        textArray(upserts.map((r) => r.owner?.email ?? null)),
        textArray(upserts.map((r) => r.owner?.externalUserId ?? null)),
        textArray(upserts.map((r) => r.owner?.source ?? null)),
      ],
    });
  }
  const removals = changes.flatMap((c) =>
    (c.remove ?? []).map((externalId) => ({ kind: c.kind, externalId })),
  );
  if (removals.length > 0) {
    statements.push({
      text: `UPDATE ${s}.records AS r SET removed = true, pending_removal = false, updated_at = now()
       FROM unnest($2::text[], $3::text[]) AS t(kind, external_id)
       WHERE r.integration_id = $1 AND r.external_id = ANY($3::text[])
         AND r.kind = t.kind AND r.external_id = t.external_id AND NOT r.removed`,
      values: [integrationId, removals.map((r) => r.kind), removals.map((r) => r.externalId)],
    });
  }
  const marks = changes.flatMap((c) =>
    (c.markPendingRemoval ?? []).map((externalId) => ({ kind: c.kind, externalId })),
  );
  if (marks.length > 0) {
    statements.push({
      text: `UPDATE ${s}.records AS r SET pending_removal = true
       FROM unnest($2::text[], $3::text[]) AS t(kind, external_id)
       WHERE r.integration_id = $1 AND r.external_id = ANY($3::text[])
         AND r.kind = t.kind AND r.external_id = t.external_id AND NOT r.removed`,
      values: [integrationId, marks.map((r) => r.kind), marks.map((r) => r.externalId)],
    });
  }
  return statements;
}
