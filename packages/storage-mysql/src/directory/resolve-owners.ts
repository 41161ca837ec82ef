import type { RecordOwnerInput } from "@uslimato/core/storage";
import type { RowDataPacket } from "mysql2/promise";
import { type Db, rows, run, type Tables } from "../database/mysql-database";

/**
 * The host users the owners of a page's records resolve to: by external user id through the links of the tenant's
 * integrations whose connector id is the owner's source, else by email. Two queries for the whole page.
 */
export async function resolveOwners(
  db: Db,
  t: Tables,
  tenantId: string | null,
  owners: ReadonlyArray<RecordOwnerInput>,
): Promise<(owner: RecordOwnerInput) => string | null> {
  const byLink = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const pairs = owners.flatMap((o) =>
    o.externalUserId !== null && o.source !== null ? [[o.source, o.externalUserId]] : [],
  );
  if (tenantId !== null && pairs.length > 0) {
    const found = await rows<RowDataPacket>(
      db,
      `SELECT i.connector_id, l.external_id, l.user_id FROM ${t.links} l
       JOIN ${t.integrations} i ON i.id = l.integration_id
       WHERE i.tenant_id = ? AND (i.connector_id, l.external_id) IN (?) ORDER BY i.created_at, i.id`,
      [tenantId, pairs],
    );
    for (const r of found) {
      const key = `${r.connector_id}\u0000${r.external_id}`;
      if (!byLink.has(key)) byLink.set(key, r.user_id);
    }
  }
  const emails = [...new Set(owners.flatMap((o) => (o.email === null ? [] : [o.email])))];
  if (emails.length > 0) {
    for (const r of await rows<RowDataPacket>(db, `SELECT id, email FROM ${t.users} WHERE email IN (?)`, [
      emails,
    ]))
      byEmail.set(r.email, r.id);
  }
  return (owner) =>
    (owner.externalUserId !== null && owner.source !== null
      ? byLink.get(`${owner.source}\u0000${owner.externalUserId}`)
      : undefined) ??
    (owner.email === null ? undefined : byEmail.get(owner.email)) ??
    null;
}

/**
 * Resolves waiting owners (records with no resolved user) that new links or users now match: by the links'
 * external ids (records of the same tenant whose owner source is `connectorId`), and by the users' emails (records
 * of `tenantId`, or of any tenant when it is null). Both go through indexes over the owner columns.
 */
export async function resolveWaitingOwners(
  db: Db,
  t: Tables,
  scope: { tenantId: string | null; connectorId: string | null; integrationId: string | null },
  linkedExternalIds: ReadonlyArray<string>,
  emails: ReadonlyArray<string>,
): Promise<void> {
  if (
    scope.tenantId !== null &&
    scope.connectorId !== null &&
    scope.integrationId !== null &&
    linkedExternalIds.length
  ) {
    await run(
      db,
      `UPDATE ${t.records} r JOIN ${t.links} l ON l.integration_id = ? AND l.external_id = r.owner_external_id
       SET r.owner_user_id = l.user_id
       WHERE r.tenant_id = ? AND r.owner_source = ? AND r.owner_external_id IN (?) AND r.owner_user_id IS NULL`,
      [scope.integrationId, scope.tenantId, scope.connectorId, [...new Set(linkedExternalIds)]],
    );
  }
  if (emails.length > 0) {
    const tenant = scope.tenantId === null ? "" : "AND r.tenant_id = ?";
    await run(
      db,
      `UPDATE ${t.records} r JOIN ${t.users} u ON u.email = r.owner_email SET r.owner_user_id = u.id
       WHERE r.owner_email IN (?) AND r.owner_user_id IS NULL ${tenant}`,
      [[...new Set(emails)], ...(scope.tenantId === null ? [] : [scope.tenantId])],
    );
  }
}
