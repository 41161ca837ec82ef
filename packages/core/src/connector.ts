/**
 * `@uslimato/core/connector`: what a connector author uses. `defineConnector` and the `Connector` contract,
 * the pages a connector yields (`SourcePage`, `SourceRecord`, owners, removals, notices), the HTTP client on
 * the SDK's one retry policy, `HttpError`, service diagnoses, and the shared pieces a connector's signatures
 * name (`Secret`, `Logger`, the error base), so a connector's sources import from here alone. Register a
 * connector's settings type with the hub through `declare module "@uslimato/core"` (`ConnectorSettingsRegistry`).
 *
 * @example
 * ```ts
 * import { createHttpClient, defineConnector } from "@uslimato/core/connector";
 * import { z } from "zod";
 *
 * export const hr = defineConnector({
 *   id: "hr",
 *   title: "HR",
 *   settingsSchema: z.object({ baseUrl: z.url() }),
 *   secretsSchema: z.object({ apiKey: z.string() }).partial(),
 *   secretNames: ["apiKey"],
 *   entities: ["user"],
 *   capabilities: { incremental: false, webhooks: false, directions: ["inbound"] },
 *   defaultMappings: {},
 *   testConnection: async () => ({ ok: true, steps: [] }),
 *   async *read(ctx) {
 *     const http = createHttpClient({ baseUrl: ctx.settings.baseUrl, service: "hr" });
 *     const people = await http.request<Array<{ id: string; email: string }>>({ url: "/people", signal: ctx.signal });
 *     const upserts = people.body.map((person) => ({ externalId: person.id, data: person }));
 *     yield { kind: "user", upserts, removals: [], checkpoint: null };
 *   },
 * });
 * ```
 *
 * @module
 */

export type {
  BackgroundContext,
  BackgroundService,
  BackgroundServiceFactory,
} from "./background/background-service";
export type {
  AnyConnector,
  ConnectionTestResult,
  ConnectionTestStep,
  Connector,
  ConnectorCapabilities,
  ConnectorContext,
  OpenSecrets,
  ReadContext,
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
export { LISTING_INCOMPLETE } from "./connector/source-page";
export type { ConfigIssue } from "./errors/config-error";
export { ConfigError } from "./errors/config-error";
export type { DiagnosedService, ServiceDiagnosis } from "./errors/service-diagnosis";
export { diagnosisOf } from "./errors/service-diagnosis";
export type { UslimatoErrorOptions } from "./errors/uslimato-error";
export { isUslimatoError, UslimatoError } from "./errors/uslimato-error";
export type { ConnectorFormHints, FormCondition, FormFieldHint, FormWidget } from "./forms/form-hints";
export { abortableSleep } from "./http/abortable-sleep";
export type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse } from "./http/create-http-client";
export { createHttpClient } from "./http/create-http-client";
export type { HttpErrorFacts } from "./http/http-error";
export { HttpError } from "./http/http-error";
export { parseRetryAfter } from "./http/parse-retry-after";
export type { RetryPolicy } from "./http/retry-policy";
export { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelay } from "./http/retry-policy";
export { REQUEST_SENT_WAIT_MS, untilRequestSent } from "./http/until-request-sent";
export { watchRequestSent } from "./http/watch-request-sent";
export type { LogFields, LogFn, Logger } from "./logging/logger";
export { noopLogger } from "./logging/noop-logger";
export { redactKnownSecrets } from "./secrets/redact-known-secrets";
export { Secret } from "./secrets/secret";
export { noopTelemetry } from "./telemetry/create-telemetry";
export type { Telemetry, TelemetrySpan } from "./telemetry/telemetry";
