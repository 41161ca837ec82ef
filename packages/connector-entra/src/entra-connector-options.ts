import type { RetryPolicy } from "@uslimato/core/connector";
import type { GraphTokenProviderOptions, TokenCredential } from "@uslimato/msgraph";

/** Options of {@link createEntraConnector}, set once by the host app. */
export interface EntraConnectorOptions {
  /**
   * msal-node's HTTP client for an outbound proxy, built with `createFetchNetworkClient` from
   * `@uslimato/msgraph`. Leave it unset otherwise: each integration's client is derived from its own endpoints
   * (a loopback simulator authority included), and a client that redirects Microsoft's authority is refused for
   * integrations on Microsoft's cloud.
   */
  networkClient?: GraphTokenProviderOptions["networkClient"];
  /** The token credential of an integration configured with `credential: "tokenCredential"` (managed identity...). */
  tokenCredential?: (integration: { integrationId: string; tenantId: string }) => TokenCredential | undefined;
  /** A fetch implementation for Graph calls (tests). */
  fetch?: typeof globalThis.fetch;
  /** Timeout of one Graph request attempt. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, of Graph calls and token requests. Default 4. */
  maxRetries?: number;
  /** The shared retry policy's bounds, for Graph calls and token requests alike (tests shorten them). */
  retry?: RetryPolicy;
  /** Delta page size asked of Graph with `Prefer: odata.maxpagesize`. Default 999. */
  pageSize?: number;
}
