import { setImmediate as nextMacrotask } from "node:timers/promises";
import type { GraphClient, GraphResponse } from "../client/graph-client";
import { GraphError } from "../errors/graph-error";
import { type GraphPage, graphPageSchema } from "./graph-page";

/** Options of {@link iterateGraphPages}. */
export interface IterateGraphPagesOptions {
  signal?: AbortSignal;
  /** Headers re-sent on every page (Graph does not carry e.g. `ConsistencyLevel` to next pages). */
  headers?: Record<string, string>;
  /** Start fetching page k+1 before page k is handed out. Default `true`. */
  prefetch?: boolean;
}

function toPage<T>(response: GraphResponse<unknown>): GraphPage<T> {
  const parsed = graphPageSchema.safeParse(response.data);
  if (!parsed.success) {
    throw new GraphError("INVALID_RESPONSE", "A Graph page has no `value` array", {
      status: response.status,
      requestId: response.requestId,
    });
  }
  const page: GraphPage<T> = { value: parsed.data.value as T[], requestId: response.requestId };
  const next = parsed.data["@odata.nextLink"];
  const delta = parsed.data["@odata.deltaLink"];
  if (next !== undefined) page.nextLink = next;
  if (delta !== undefined) page.deltaLink = delta;
  return page;
}

/**
 * Iterates a Graph collection page by page, following `@odata.nextLink` as given. With `prefetch` (default) the
 * request for the next page is on the wire while the caller works on the current one. Each page request is
 * retried by the client, so a failure resumes from the last successful nextLink. Stopping early aborts the
 * prefetched request.
 *
 * @example
 * ```ts
 * for await (const page of iterateGraphPages(graph, "/users?$top=999")) console.log(page.value.length);
 * ```
 */
export async function* iterateGraphPages<T = unknown>(
  client: GraphClient,
  url: string,
  options: IterateGraphPagesOptions = {},
): AsyncGenerator<GraphPage<T>, void, undefined> {
  const inner = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, inner.signal]) : inner.signal;
  const fetchPage = (link: string): Promise<GraphPage<T>> =>
    client.get(link, { signal, ...(options.headers ? { headers: options.headers } : {}) }).then(toPage<T>);
  try {
    let page = await fetchPage(url);
    while (true) {
      const link = page.nextLink;
      if (link === undefined) {
        yield page;
        return;
      }
      if (options.prefetch === false) {
        yield page;
        page = await fetchPage(link);
        continue;
      }
      const next = fetchPage(link);
      next.catch(() => {});
      await nextMacrotask();
      yield page;
      page = await next;
    }
  } finally {
    inner.abort(new GraphError("NETWORK", "Paging stopped by the consumer"));
  }
}
