/**
 * `@uslimato/msgraph`: the Microsoft Graph plumbing the Entra and Intune connectors share: msal-node tokens
 * (secret, certificate, Azure `TokenCredential`, national clouds), a Graph client with bounded retries, pipelined
 * paging and delta, typed errors, change-notification subscriptions and a web-standard receiver (serve it with an adapter from
 * `@uslimato/core/webhooks`).
 *
 * @example
 * ```ts
 * import { Secret } from "@uslimato/core/connector";
 * import { createGraphClient, createGraphTokenProvider, iterateGraphPages } from "@uslimato/msgraph";
 *
 * const tokenProvider = createGraphTokenProvider({
 *   tenantId, credential: { type: "clientSecret", clientId, clientSecret: new Secret(secretValue) },
 * });
 * const graph = createGraphClient({ tokenProvider });
 * for await (const page of iterateGraphPages(graph, "/users?$select=id,displayName&$top=999")) {
 *   console.log(page.value.length);
 * }
 * ```
 *
 * @module
 */

export type { AccessToken, GraphTokenProvider, TokenCredential } from "./auth/access-token";
export type {
  FetchNetworkClient,
  FetchNetworkClientOptions,
  NetworkRoute,
} from "./auth/create-fetch-network-client";
export { createFetchNetworkClient } from "./auth/create-fetch-network-client";
export type { GraphCredential, GraphTokenProviderOptions } from "./auth/create-graph-token-provider";
export { createGraphTokenProvider } from "./auth/create-graph-token-provider";
export { decodeTokenRoles } from "./auth/decode-token-roles";
export type { AuthFailureDescription } from "./auth/describe-auth-failure";
export { describeAuthFailure } from "./auth/describe-auth-failure";
export type { GraphCloudName, GraphEndpoints } from "./auth/graph-clouds";
export { GRAPH_CLOUDS } from "./auth/graph-clouds";
export { mapMsalError } from "./auth/map-msal-error";
export { isMicrosoftAuthority, MICROSOFT_AUTHORITY_HOSTS } from "./auth/microsoft-authority-hosts";
export type { ResolvedGraphEndpoints } from "./auth/resolve-graph-endpoints";
export { defaultGraphScope, isLoopbackUrl, resolveGraphEndpoints } from "./auth/resolve-graph-endpoints";
export type { TokenFailure } from "./auth/token-failure";
export type { GraphClientOptions } from "./client/create-graph-client";
export { createGraphClient } from "./client/create-graph-client";
export type { IntuneMessage } from "./client/decode-intune-message";
export { decodeIntuneMessage } from "./client/decode-intune-message";
export type { GraphClient, GraphMethod, GraphRequestOptions, GraphResponse } from "./client/graph-client";
export { DELTA_EXPIRED_GRAPH_CODES, DeltaExpiredError } from "./errors/delta-expired-error";
export type { GraphAuthErrorCode, GraphAuthErrorFields } from "./errors/graph-auth-error";
export { GRAPH_AUTH_ERROR_CODES, GraphAuthError } from "./errors/graph-auth-error";
export type { GraphErrorCode, GraphErrorFields } from "./errors/graph-error";
export { GRAPH_ERROR_CODES, GraphError } from "./errors/graph-error";
export { clientStateMatches } from "./notifications/client-state-matches";
export type { Debouncer, DebouncerOptions } from "./notifications/create-debouncer";
export { createDebouncer } from "./notifications/create-debouncer";
export type {
  KnownSubscription,
  NotificationReceiverOptions,
} from "./notifications/create-notification-receiver";
export { createNotificationReceiver } from "./notifications/create-notification-receiver";
export type { EncryptedContent } from "./notifications/decrypt-rich-notification";
export { decryptRichNotification } from "./notifications/decrypt-rich-notification";
export type { GraphNotification, LifecycleEvent } from "./notifications/notification-schema";
export { LIFECYCLE_EVENTS } from "./notifications/notification-schema";
export type {
  ValidationTokenOptions,
  ValidationTokensResult,
} from "./notifications/verify-validation-tokens";
export {
  GRAPH_NOTIFICATION_PUBLISHER_ID,
  verifyValidationTokens,
} from "./notifications/verify-validation-tokens";
export type { GraphPage } from "./paging/graph-page";
export { iterateDelta } from "./paging/iterate-delta";
export type { IterateGraphPagesOptions } from "./paging/iterate-graph-pages";
export { DEFAULT_MAX_GRAPH_PAGES, iterateGraphPages } from "./paging/iterate-graph-pages";
export type { GraphSession, GraphSessionContext, GraphSessionOptions } from "./session/open-graph-session";
export { openGraphSession } from "./session/open-graph-session";
export { graphAppFieldHints, graphAppSecretHints } from "./settings/graph-app-form-hints";
export type { GraphAppSecretName, GraphAppSettings } from "./settings/graph-app-settings";
export {
  checkGraphAppSettings,
  graphAppSecretsSchema,
  graphAppSettingsFields,
  graphAppSettingsJsonRules,
} from "./settings/graph-app-settings";
export type {
  RenewalReport,
  SubscriptionManager,
  SubscriptionManagerOptions,
} from "./subscriptions/create-subscription-manager";
export {
  createSubscriptionManager,
  MAX_SUBSCRIPTION_MINUTES,
} from "./subscriptions/create-subscription-manager";
export { generateClientState } from "./subscriptions/generate-client-state";
export type {
  ManagedSubscription,
  SubscriptionRecord,
  SubscriptionStore,
} from "./subscriptions/subscription-store";
export {
  type GraphConnectionTestOptions,
  type GraphStepFailure,
  testGraphConnection,
} from "./test-connection/test-graph-connection";
