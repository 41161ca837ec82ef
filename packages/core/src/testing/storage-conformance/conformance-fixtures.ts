import type { AuditEntry } from "../../audit/audit-entry";
import type { IntegrationRecord, SealedSecretRecord, StoredUser } from "../../storage/records";
import type { NewUser } from "../../storage/storage-adapter";
import type { SyncLog } from "../../sync-log/sync-log";

/** A fixed instant plus `minutes`, so dates compare exactly across backends (whole milliseconds). */
export const at = (minutes = 0): Date => new Date(Date.UTC(2025, 0, 1, 8, 0, 0) + minutes * 60_000);

/** An integration record with sensible defaults. */
export function integration(overrides: Partial<IntegrationRecord> = {}): IntegrationRecord {
  return {
    id: "int-1",
    tenantId: "tenant-1",
    connectorId: "entra",
    name: "Entra",
    settings: { tenant: "contoso", scopes: ["users"], nested: { deep: true } },
    direction: "inbound",
    intervalMinutes: 60,
    mappings: { user: { fields: [{ from: "mail", to: "email" }] } },
    enabled: true,
    createdAt: at(0),
    updatedAt: at(0),
    revision: 1,
    ...overrides,
  };
}

/** A sealed secret with sensible defaults. */
export function secret(overrides: Partial<SealedSecretRecord> = {}): SealedSecretRecord {
  return {
    tenantId: "tenant-1",
    integrationId: "int-1",
    name: "clientSecret",
    keyId: "key-a",
    envelope: "env-1",
    updatedAt: at(0),
    ...overrides,
  };
}

/** A user as a sync creates it. */
export function newUser(id: string, email = `${id}@example.com`, overrides: Partial<NewUser> = {}): NewUser {
  return {
    id,
    email,
    displayName: id.toUpperCase(),
    active: true,
    role: "viewer",
    attributes: {},
    ...overrides,
  };
}

/** A host-owned user (e.g. with an HGE ID account), for `putUsers`. */
export function hostUser(id: string, email: string, overrides: Partial<StoredUser> = {}): StoredUser {
  return {
    id,
    email,
    displayName: null,
    active: true,
    role: "admin",
    hgeIdAccountId: `hge-${id}`,
    attributes: { source: "signup" },
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

/** A sync log with sensible defaults. */
export function syncLog(id: string, startedAt: Date, overrides: Partial<SyncLog> = {}): SyncLog {
  const counts = { processed: 3, created: 1, updated: 1, deactivated: 0, failed: 1 };
  return {
    id,
    integrationId: "int-1",
    tenantId: "tenant-1",
    trigger: "manual",
    mode: "full",
    status: "partial",
    startedAt,
    finishedAt: new Date(startedAt.getTime() + 1000),
    counts,
    countsByKind: { user: counts },
    errors: [{ externalId: "x1", kind: "user", code: "RECORD_INVALID", message: "bad", severity: "error" }],
    errorCount: 1,
    notices: [{ code: "DELTA_EXPIRED", message: "full resync" }],
    pages: 2,
    failureCode: null,
    ...overrides,
  };
}

/** An audit entry with sensible defaults. */
export function auditEntry(id: string, when: Date, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: when,
    tenantId: "tenant-1",
    integrationId: "int-1",
    actor: { type: "user", id: "admin-1" },
    action: "integration.updated",
    details: { fields: ["name"], revision: 2, ok: true, note: null },
    ...overrides,
  };
}
