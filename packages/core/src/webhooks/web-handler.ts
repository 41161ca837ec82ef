/** What a runtime hands a web handler besides the request. */
export interface WebhookContext {
  /**
   * Keeps the runtime alive until `promise` settles, for work started by a request but finished after its answer
   * (Cloudflare Workers' and Vercel's `waitUntil`). Absent on long-running servers, where such work just runs.
   */
  waitUntil?(promise: Promise<unknown>): void;
}

/** A web-standard request handler, like a webhook receiver: `(Request) => Promise<Response>`. */
export type WebHandler = (request: Request, context?: WebhookContext) => Promise<Response>;

/** Options every webhook adapter takes. */
export interface WebhookAdapterOptions {
  /**
   * A request body the handler answered without reading to its end is read and discarded up to this many bytes,
   * so the connection stays usable (keep-alive). Beyond it the answer says `Connection: close` and the connection
   * is closed. Default 4 MiB.
   */
  drainBytes?: number;
  /** Longest time spent discarding such a body before closing instead. Default 5,000 ms. */
  drainMs?: number;
  /** Handed to the handler as {@link WebhookContext.waitUntil} (edge runtimes). */
  waitUntil?(promise: Promise<unknown>): void;
}
