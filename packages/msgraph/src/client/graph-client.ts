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
   * Called with the leading string members of a successful answer's JSON body (`@odata.context`,
   * `@odata.nextLink`, in the order Graph writes them) as soon as they arrived, while the rest of the body is
   * still coming; once per attempt that gets that far. The pager starts the next page's request from it. When it
   * returns a promise, the rest of the body is read once that settled (the pager returns "the next request is on
   * the wire", so a megabyte of buffered body does not hold that request back).
   */
  onHead?: (members: Record<string, string>) => void | Promise<void>;
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
