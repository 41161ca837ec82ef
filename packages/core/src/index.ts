/**
 * `@uslimato/core`: the connector contract, the hub host apps compose, the sync runner, user reconciliation,
 * storage interfaces with an in-memory adapter, the HTTP client for connectors, plans, typed errors and logging.
 *
 * @example
 * ```ts
 * import { createHub, createMemoryStorage } from "@uslimato/core";
 * const hub = createHub({ storage: createMemoryStorage(), vault, connectors: [myConnector], plan: "enterprise" });
 * const integration = await hub.integrations.create({ tenantId: "t1", connectorId: "hr", name: "HR", settings: {}, secrets: {}, intervalMinutes: 60 });
 * const log = await hub.syncNow(integration.id);
 * ```
 *
 * @module
 */
export type { Actor, AuditAction, AuditEntry } from "./audit/audit-entry";
export { SYSTEM_ACTOR } from "./audit/audit-entry";
export type {
  AnyConnector,
  ConnectionTestResult,
  ConnectionTestStep,
  Connector,
  ConnectorCapabilities,
  ConnectorContext,
  ConnectorSettingsRegistry,
  OpenSecrets,
  ReadContext,
  SettingsOf,
  SyncDirection,
} from "./connector/connector";
export type { ConnectorState } from "./connector/connector-state";
export { defineConnector } from "./connector/define-connector";
export type { JsonObject, JsonValue } from "./connector/json";
export type {
  EntityKind,
  FullScanMarker,
  MembershipChange,
  RecordOwner,
  RemovalReason,
  SourcePage,
  SourceRecord,
  SourceRemoval,
  SyncNotice,
} from "./connector/source-page";
export { ENTITY_KINDS, LISTING_INCOMPLETE, SWEEP_INCOMPLETE } from "./connector/source-page";
export type { ConfigIssue } from "./errors/config-error";
export { ConfigError } from "./errors/config-error";
export { CoreError } from "./errors/core-error";
export type { CoreErrorCode } from "./errors/error-codes";
export { ERROR_CODES } from "./errors/error-codes";
export type { DiagnosedService, ServiceDiagnosis } from "./errors/service-diagnosis";
export {
  cleanServiceDiagnosis,
  diagnosisAuditDetails,
  diagnosisOf,
} from "./errors/service-diagnosis";
export type { UslimatoErrorOptions } from "./errors/uslimato-error";
export { isUslimatoError, UslimatoError } from "./errors/uslimato-error";
export { abortableSleep } from "./http/abortable-sleep";
export { backoffDelay } from "./http/backoff-delay";
export type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse } from "./http/create-http-client";
export { createHttpClient } from "./http/create-http-client";
export type { HttpErrorFacts } from "./http/http-error";
export { HttpError } from "./http/http-error";
export { parseRetryAfter } from "./http/parse-retry-after";
export type { RetryPolicy } from "./http/retry-policy";
export { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelay } from "./http/retry-policy";
export { ConnectorRegistry } from "./hub/connector-registry";
export { createHub } from "./hub/create-hub";
export { createSealedState, STATE_PREFIX } from "./hub/create-sealed-state";
export type { ActingOptions, Hub, IntegrationEvent, IntegrationsApi, SyncNowOptions } from "./hub/hub";
export type {
  HubEventListener,
  HubEventMap,
  SyncEventBase,
  SyncFinishedEvent,
  SyncStartedEvent,
} from "./hub/hub-events";
export type { HubOptions } from "./hub/hub-options";
export type { MappingPreview, PreviewMappingOptions } from "./hub/preview-mapping";
export type { RecordsApi } from "./hub/records-api";
export { timeOrderedId } from "./ids/time-ordered-id";
export type {
  ConnectorWithId,
  CreateIntegrationFields,
  CreateIntegrationInput,
  CreateIntegrationInputFor,
  SecretNameOf,
  SettingsInputOf,
  UpdateIntegrationFields,
  UpdateIntegrationInput,
} from "./integrations/integration-input";
export type { ConfiguredSecret, IntegrationView } from "./integrations/integration-view";
export { toIntegrationView } from "./integrations/integration-view";
export type {
  IntegrationConfigCandidate,
  IntegrationConfigResult,
} from "./integrations/validate-integration";
export { validateIntegrationConfig } from "./integrations/validate-integration";
export type { RedactingLoggerOptions } from "./logging/create-redacting-logger";
export { createRedactingLogger } from "./logging/create-redacting-logger";
export type { LogFields, LogFn, Logger } from "./logging/logger";
export { noopLogger } from "./logging/noop-logger";
export { isSecretKey, redactValue } from "./logging/redact-value";
export type {
  MappedRecord,
  MappingEngine,
  MappingFieldError,
  MappingIssue,
  RecordMapper,
} from "./mapping/mapping-engine";
export { passthroughMapping } from "./mapping/passthrough-mapping";
export type { PlanId, PlanRules, PlanTable } from "./plans/plan";
export { DEFAULT_PLANS, MAX_INTERVAL_MINUTES } from "./plans/plan";
export { assertInterfaceHubEntitled, resolvePlan } from "./plans/resolve-plan";
export type { IntervalCheck } from "./plans/validate-interval";
export { checkInterval, formatMinutes, validateInterval } from "./plans/validate-interval";
export { normalizeEmail } from "./reconcile/normalize-email";
export type { ReconcileUsersOptions, UserReconciliation } from "./reconcile/reconcile-users";
export { reconcileUsers } from "./reconcile/reconcile-users";
export type { UserCandidate } from "./reconcile/user-candidate";
export { toUserCandidate, USER_FIELDS } from "./reconcile/user-candidate";
export type { CredentialVault, SealedSecret, SecretOwner } from "./secrets/credential-vault";
export { redactKnownSecrets } from "./secrets/redact-known-secrets";
export { REDACTED_TEXT, Secret } from "./secrets/secret";
export { batchSweep } from "./storage/batch-sweep";
export { createMemoryStorage } from "./storage/memory/create-memory-storage";
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
export type { DeactivationGuardOptions, GuardDecision } from "./sync/deactivation-guard";
export { decideDeactivations } from "./sync/deactivation-guard";
export { parseSourcePage } from "./sync/page-schema";
export { prefetching } from "./sync/prefetching";
export type { RunSyncInput } from "./sync/run-sync";
export { runSync } from "./sync/run-sync";
export type { SyncProgress } from "./sync/sync-progress";
export { SYNC_LOCK_TTL_MS, withSyncLock } from "./sync/with-sync-lock";
export type {
  SyncCounts,
  SyncErrorDetail,
  SyncLog,
  SyncMode,
  SyncStatus,
  SyncTrigger,
} from "./sync-log/sync-log";
export { emptyCounts, SYNC_LOG_ERROR_CAP } from "./sync-log/sync-log";
