/**
 * `@uslimato/core`: what a host app uses. The hub it composes (`createHub`) and its types, integration inputs
 * and views, sync logs, audit entries, plans, typed errors, `Secret`, the logger interface and the in-memory
 * storage adapter for tests and demos. Connector authors import from `@uslimato/core/connector`, storage
 * adapter authors from `@uslimato/core/storage`; suites that prove either are in `@uslimato/core/testing`,
 * framework adapters for webhook receivers in `@uslimato/core/webhooks`.
 *
 * @example
 * ```ts
 * import { createHub, createMemoryStorage } from "@uslimato/core";
 * const hub = createHub({ storage: createMemoryStorage(), vault, connectors: [myConnector()], plan: "enterprise" });
 * const integration = await hub.integrations.create({ tenantId: "t1", connectorId: "hr", name: "HR", settings: {}, secrets: {}, intervalMinutes: 60 });
 * const log = await hub.syncNow(integration.id);
 * ```
 *
 * @module
 */
export type { Actor, AuditAction, AuditEntry } from "./audit/audit-entry";
export type {
  BackgroundContext,
  BackgroundService,
  BackgroundServiceFactory,
} from "./background/background-service";
export type {
  AnyConnector,
  ConnectionTestResult,
  ConnectionTestStep,
  ConnectorSettingsRegistry,
  SyncDirection,
} from "./connector/connector";
export type { JsonObject, JsonValue } from "./connector/json";
export type { EntityKind, SyncNotice } from "./connector/source-page";
export { SWEEP_INCOMPLETE } from "./connector/source-page";
export type { ConfigIssue } from "./errors/config-error";
export { ConfigError } from "./errors/config-error";
export { CoreError } from "./errors/core-error";
export type { CoreErrorCode } from "./errors/error-codes";
export { ERROR_CODES } from "./errors/error-codes";
export type { DiagnosedService, ServiceDiagnosis } from "./errors/service-diagnosis";
export { diagnosisOf } from "./errors/service-diagnosis";
export type { UslimatoErrorOptions } from "./errors/uslimato-error";
export { isUslimatoError, UslimatoError } from "./errors/uslimato-error";
export type {
  ConnectorFormDescription,
  FormField,
  FormOption,
  FormSecretField,
} from "./forms/connector-form";
export type { DescribeConnectorFormOptions } from "./forms/describe-connector-form";
export { describeConnectorForm } from "./forms/describe-connector-form";
export type { ConnectorFormHints, FormCondition, FormFieldHint, FormWidget } from "./forms/form-hints";
export { toJsonSchema } from "./forms/to-json-schema";
export { createHub } from "./hub/create-hub";
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
export type { RedactingLoggerOptions } from "./logging/create-redacting-logger";
export { createRedactingLogger } from "./logging/create-redacting-logger";
export type { LogFields, LogFn, Logger } from "./logging/logger";
export { noopLogger } from "./logging/noop-logger";
export type {
  MappedRecord,
  MappingEngine,
  MappingFieldError,
  MappingIssue,
  RecordMapper,
} from "./mapping/mapping-engine";
export type { IntervalCheck } from "./plans/check-interval";
export { checkInterval } from "./plans/check-interval";
export type { PlanId, PlanRules, PlanTable } from "./plans/plan";
export { DEFAULT_PLANS, MAX_INTERVAL_MINUTES } from "./plans/plan";
export { resolvePlan } from "./plans/resolve-plan";
export type { CredentialVault, SealedSecret, SecretOwner } from "./secrets/credential-vault";
export { Secret } from "./secrets/secret";
export { createMemoryStorage } from "./storage/memory/create-memory-storage";
export type { RecordKind, StoredRecord, StoredRecordOwner } from "./storage/records";
export type {
  DirectoryInspection,
  InspectableStorage,
  RecordListQuery,
  StorageAdapter,
} from "./storage/storage-adapter";
export type { DeactivationGuardOptions } from "./sync/deactivation-guard";
export type { SyncProgress } from "./sync/sync-progress";
export type {
  SyncCounts,
  SyncErrorDetail,
  SyncLog,
  SyncMode,
  SyncStatus,
  SyncTrigger,
} from "./sync-log/sync-log";
export { createTelemetry, noopTelemetry } from "./telemetry/create-telemetry";
export type { Telemetry, TelemetrySpan } from "./telemetry/telemetry";
export type {
  MeterLike,
  SpanLike,
  TelemetryAttributes,
  TelemetryAttributeValue,
  TelemetryOptions,
  TracerLike,
} from "./telemetry/telemetry-options";
