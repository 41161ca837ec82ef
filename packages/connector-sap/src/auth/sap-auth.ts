/** How requests to SAP log on: headers per request, and the transport (mutual TLS) when it needs its own. */
export interface SapAuth {
  /** The `authorization` header (if any) for the next request. */
  headers(signal: AbortSignal): Promise<Record<string, string>>;
  /** Drops a cached token after SAP refused it, so the next request fetches a new one. */
  invalidate(): void;
  /** Whether `invalidate` can help after a 401 (a token was cached). */
  readonly refreshable: boolean;
  /** A fetch with the client certificate (mutual TLS) or extra CAs, when needed. */
  readonly fetch?: typeof fetch;
}
