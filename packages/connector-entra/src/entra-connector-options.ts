import type { GraphTokenProviderOptions, RetryDelayOptions, TokenCredential } from "@uslimato/msgraph";

/** Options of {@link createEntraConnector}, set once by the host app. */
export interface EntraConnectorOptions {
  /**
   * msal-node's HTTP client: only for tests and the simulator (`createSimulatorNetworkClient`). Production leaves
   * it unset and msal-node talks https to the real authority.
   */
  networkClient?: GraphTokenProviderOptions["networkClient"];
  /**
   * msal-node's HTTP client chosen per integration from that integration's own settings (e.g. a loopback
   * simulator's client only for the integration whose `endpoints.authorityHost` is that simulator). When set, it
   * replaces {@link EntraConnectorOptions.networkClient} for every integration; `undefined` means msal's default
   * https client. One shared client that redirects Microsoft's hosts would carry every tenant's token request.
   */
  networkClientFor?: (settings: {
    readonly endpoints?: { readonly authorityHost: string; readonly graphBaseUrl: string } | undefined;
  }) => GraphTokenProviderOptions["networkClient"];
  /** The token credential of an integration configured with `credential: "tokenCredential"` (managed identity...). */
  tokenCredential?: (integration: { integrationId: string; tenantId: string }) => TokenCredential | undefined;
  /** A fetch implementation for Graph calls (tests). */
  fetch?: typeof globalThis.fetch;
  /** Timeout of one Graph request attempt. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  /** Backoff bounds (tests shorten them). */
  retry?: RetryDelayOptions;
  /** Delta page size asked of Graph with `Prefer: odata.maxpagesize`. Default 999. */
  pageSize?: number;
}
