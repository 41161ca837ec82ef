/** Per-call options of the {@link GraphClient}. */
export interface GraphRequestOptions {
  /** Cancels the call, its retries and waits. */
  signal?: AbortSignal;
  /** Extra headers (e.g. `ConsistencyLevel: eventual`), sent on every attempt. */
  headers?: Record<string, string>;
  /** A JSON body for POST and PATCH. */
  body?: unknown;
  /**
   * Called when an attempt of the call is on the wire: its headers were written to the socket (seen on undici's
   * `undici:client:sendHeaders` diagnostics channel, i.e. Node's built-in `fetch`), or, with a fetch that does not
   * report it, when the attempt's response arrived or it failed. Lets a caller hold back synchronous work until
   * the request has left (the pager does, so the next page is in flight while the current one is applied).
   */
  onSent?: () => void;
  /**
   * Called with the beginning of a successful attempt's body (its first 8 KiB) as soon as it arrived, while the
   * rest is still on the way; not called for a shorter body. Once per attempt: a retried call can call it again.
   * Lets the pager read the next link off a page's head and send the next request before the page is parsed.
   */
  onHead?: (head: string) => void;
}

/** A successful Graph answer. */
export interface GraphResponse<T> {
  /** The parsed JSON body (`undefined` for 204 and empty bodies). */
  data: T;
  status: number;
  headers: Headers;
  /** Graph's `request-id`, for support cases. */
  requestId: string | undefined;
}

/** The HTTP methods the Graph client sends. */
export type GraphMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A small Microsoft Graph client: tokens, retries, timeouts and typed errors. */
export interface GraphClient {
  /** The base URL (with version), e.g. `https://graph.microsoft.com/v1.0`. */
  readonly baseUrl: string;
  /** GET a path (relative to `baseUrl`) or an absolute URL on the same origin (a nextLink). */
  get<T = unknown>(pathOrUrl: string, options?: GraphRequestOptions): Promise<GraphResponse<T>>;
  /** Any method; same rules as {@link GraphClient.get}. */
  request<T = unknown>(
    method: GraphMethod,
    pathOrUrl: string,
    options?: GraphRequestOptions,
  ): Promise<GraphResponse<T>>;
}
