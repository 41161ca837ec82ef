import type { RetryPolicy } from "@uslimato/core/connector";

/** Options of {@link createSapConnector}, set once by the host app. */
export interface SapConnectorOptions {
  /**
   * The bearer token of an integration configured with `auth: "tokenProvider"` (SAML bearer assertion flows, BTP
   * destinations): called before each request; cache it on your side.
   */
  tokenProvider?: (integration: {
    integrationId: string;
    tenantId: string;
    signal: AbortSignal;
  }) => Promise<string> | string;
  /** A fetch implementation for SAP calls (tests, proxies). Not used with client certificates. */
  fetch?: typeof globalThis.fetch;
  /** Timeout of one request attempt. Default 60 s. */
  timeoutMs?: number;
  /** The shared retry policy's bounds (429/502/503/504 and network errors, `Retry-After` honoured). */
  retry?: RetryPolicy;
  /** Longest request URL sent; longer ones fail with `SAP_URL_TOO_LONG` before the call. Default 4096. */
  maxUrlLength?: number;
  /** The clock for "today" (current validity segments) and the sweep schedule. Default the system clock. */
  clock?: () => Date;
}
