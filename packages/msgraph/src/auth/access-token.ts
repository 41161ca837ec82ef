/** A bearer token for Microsoft Graph and when it expires (milliseconds since the epoch), Azure SDK style. */
export interface AccessToken {
  token: string;
  expiresOnTimestamp: number;
}

/**
 * An Azure SDK `TokenCredential` (from `@azure/identity`, for example) a host already has: the token provider
 * accepts it as it is.
 */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<AccessToken | null>;
}

/** What the Graph client asks for a token. */
export interface GraphTokenProvider {
  /** A valid token; cached and refreshed by the underlying credential. */
  getToken(signal?: AbortSignal): Promise<AccessToken>;
}
