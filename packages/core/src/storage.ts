/**
 * `@uslimato/core/storage`: what a storage adapter author uses. The `StorageAdapter` interface and its stores
 * (integrations, secrets, checkpoints, sync logs, audit, locks with fencing tokens, the directory and its atomic
 * `DirectoryBatch`), the records they keep, `batchSweep`, and the errors an adapter throws, so an adapter's
 * sources import from here alone. Prove an adapter with `runStorageConformance` from `@uslimato/core/testing`.
 *
 * @example
 * ```ts
 * import { CoreError, type LockFence, type LockStore } from "@uslimato/core/storage";
 *
 * const current = new Map<string, number>();
 * // The check every fenced write makes, in the same transaction as the write.
 * export function assertFence(fence: LockFence): void {
 *   if (current.get(fence.name) !== fence.token) throw new CoreError("SYNC_LOCK_LOST", `lost ${fence.name}`);
 * }
 * export declare const locks: LockStore; // tryAcquire(name, { ttlMs }) -> a lease with a fencing token
 * ```
 * ```
 *
 * @module
 */
export type { Actor, AuditAction, AuditEntry } from "./audit/audit-entry";
export type { JsonObject, JsonValue } from "./connector/json";
export type { EntityKind } from "./connector/source-page";
export type { ConfigIssue } from "./errors/config-error";
export { ConfigError } from "./errors/config-error";
export { CoreError } from "./errors/core-error";
export type { CoreErrorCode } from "./errors/error-codes";
export { isUslimatoError, UslimatoError } from "./errors/uslimato-error";
export { batchSweep } from "./storage/batch-sweep";
export type {
  CheckpointRecord,
  IntegrationRecord,
  RecordKind,
  SealedSecretRecord,
  StoredGroup,
  StoredMembership,
  StoredRecord,
  StoredRecordOwner,
  StoredUser,
  UserLink,
} from "./storage/records";
export type {
  ApplyResult,
  AuditStore,
  CheckpointStore,
  DirectoryBatch,
  DirectoryInspection,
  DirectoryStore,
  InspectableStorage,
  IntegrationStore,
  LockFence,
  LockHandle,
  LockStore,
  NewUser,
  RecordListQuery,
  RecordOwnerInput,
  RecordUpsert,
  SecretStore,
  StorageAdapter,
  SyncLogStore,
  UserLookup,
  UserMatch,
  UserUpdate,
} from "./storage/storage-adapter";
export type {
  SyncCounts,
  SyncErrorDetail,
  SyncLog,
  SyncMode,
  SyncStatus,
  SyncTrigger,
} from "./sync-log/sync-log";
