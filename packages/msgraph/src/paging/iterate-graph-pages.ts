import { createHash } from "node:crypto";
import { untilRequestSent } from "@uslimato/core/connector";
import type { GraphClient, GraphResponse } from "../client/graph-client";
import { GraphError } from "../errors/graph-error";
import { asGraphPageBody, type GraphPage } from "./graph-page";

/** Options of {@link iterateGraphPages}. */
export interface IterateGraphPagesOptions {
  signal?: AbortSignal;
  /** Headers re-sent on every page (Graph does not carry e.g. `ConsistencyLevel` to next pages). */
  headers?: Record<string, string>;
  /** Start fetching page k+1 before page k is handed out. Default `true`. */
  prefetch?: boolean;
  /**
   * The most pages one listing may have before it fails with `PAGE_LIMIT_EXCEEDED`. Default 100,000 (100 million
   * objects at 999 a page). When the first page announces `@odata.count`, the limit is also twice the pages that
   * count needs (at the first page's size) plus 10.
   */
  maxPages?: number;
}

/** The default of {@link IterateGraphPagesOptions.maxPages}. */
export const DEFAULT_MAX_GRAPH_PAGES = 100_000;

function pageLimit(first: GraphPage<unknown>, maxPages: number): { limit: number; why: string } {
  if (first.count === undefined) return { limit: maxPages, why: `the configured maximum of ${maxPages}` };
  const perPage = Math.max(1, first.value.length);
  const announced = 2 * Math.ceil(first.count / perPage) + 10;
  return announced < maxPages
    ? { limit: announced, why: `twice what the announced @odata.count of ${first.count} needs, plus 10` }
    : { limit: maxPages, why: `the configured maximum of ${maxPages}` };
}

function fingerprint(link: string): string {
  return createHash("sha256").update(link).digest("base64url");
}

function toPage<T>(response: GraphResponse<unknown>): GraphPage<T> {
  const body = asGraphPageBody(response.data);
  if (!body) {
    throw new GraphError("INVALID_RESPONSE", "A Graph page has no `value` array", {
      status: response.status,
      requestId: response.requestId,
    });
  }
  const page: GraphPage<T> = { value: body.value as T[], requestId: response.requestId };
  const next = body["@odata.nextLink"];
  const delta = body["@odata.deltaLink"];
  if (next !== undefined) page.nextLink = next;
  if (delta !== undefined) page.deltaLink = delta;
  const count = body["@odata.count"];
  if (count !== undefined) page.count = count;
  return page;
}

/**
 * Iterates a Graph collection page by page, following `@odata.nextLink` as given. With `prefetch` (default) the
 * request for the next page is on the wire while the caller works on the current one: a page is handed out only
 * once the next page's request has left (its headers written to the socket), so the caller's synchronous work
 * cannot hold it back (at most 25 ms with a fetch that does not report it). Each page request is retried by the
 * client, so a failure resumes from the last successful nextLink. Stopping early aborts the prefetched request.
 *
 * A listing that does not end fails instead of running forever: a nextLink already followed in this listing
 * (the same link again, or a cycle back to an earlier one) is a {@link GraphError} `NEXT_LINK_LOOP`, and more
 * pages than `maxPages` (or than an announced `@odata.count` can need) is `PAGE_LIMIT_EXCEEDED`, both before
 * the link is requested.
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
  const prefetch = options.prefetch !== false;
  const where = url.split("?")[0];
  const followed = new Set<string>();
  let limit: { limit: number; why: string } | undefined;
  let pages = 0;
  /** The request whose page the pager waits for next. */
  let current: PageRequest<T>;
  /** The request after it, started from the nextLink at the head of `current`'s body. */
  let ahead: PageRequest<T> | undefined;
  /** Whether the pager is waiting for `current` (the caller holds no page). */
  let waiting = false;

  const start = (link: string): PageRequest<T> => {
    const own = new AbortController();
    let sent = (): void => {};
    const onWire = new Promise<void>((resolve) => {
      sent = resolve;
    });
    const request: PageRequest<T> = {
      link,
      abort: () => own.abort(new GraphError("NETWORK", "A page asked for ahead of its link was not needed")),
      page: client
        .get(link, {
          signal: AbortSignal.any([signal, own.signal]),
          ...(options.headers ? { headers: options.headers } : {}),
          ...(prefetch
            ? {
                onSent: () => sent(),
                onHead: (members: Record<string, string>) => {
                  request.early = members["@odata.nextLink"];
                  // the rest of this body waits until the next page's request is on the wire
                  return request === current && waiting ? startAhead()?.sent : undefined;
                },
              }
            : {}),
        })
        .then(toPage<T>),
      sent: Promise.resolve(),
    };
    request.page.catch(() => {});
    if (prefetch) request.sent = untilRequestSent(onWire, request.page);
    return request;
  };
  /**
   * Asks for the page after `current` from the nextLink at the head of its body, when the rules allow it; returns
   * the request it started.
   */
  const startAhead = (): PageRequest<T> | undefined => {
    const link = current.early;
    if (ahead || link === undefined || !limit || pages + 1 >= limit.limit) return undefined;
    if (followed.has(fingerprint(link))) return undefined;
    ahead = start(link);
    return ahead;
  };

  try {
    current = start(url);
    for (;;) {
      waiting = true;
      startAhead();
      const page = await current.page;
      waiting = false;
      pages += 1;
      limit ??= pageLimit(page, options.maxPages ?? DEFAULT_MAX_GRAPH_PAGES);
      const link = page.nextLink;
      if (link === undefined) {
        ahead?.abort();
        yield page;
        return;
      }
      const key = fingerprint(link);
      if (followed.has(key)) {
        throw new GraphError(
          "NEXT_LINK_LOOP",
          `Graph listing ${where} loops: page ${pages} gave a nextLink already followed in this listing; stopped after ${pages} pages`,
          { requestId: page.requestId },
        );
      }
      followed.add(key);
      if (pages >= limit.limit) {
        throw new GraphError(
          "PAGE_LIMIT_EXCEEDED",
          `Graph listing ${where} did not end after ${pages} pages, ${limit.why}; stopped`,
          { requestId: page.requestId },
        );
      }
      if (!prefetch) {
        yield page;
        current = start(link);
        continue;
      }
      // The next page may already be asked for (its link was at the head of this page's body); a head that
      // disagreed with the parsed page is dropped.
      let next = ahead;
      ahead = undefined;
      if (next?.link !== link) {
        next?.abort();
        next = start(link);
      }
      current = next;
      await next.sent;
      yield page;
    }
  } finally {
    ahead?.abort();
    inner.abort(new GraphError("NETWORK", "Paging stopped by the consumer"));
  }
}

/** One page request of a listing. */
interface PageRequest<T> {
  link: string;
  page: Promise<GraphPage<T>>;
  /** Resolves once the request is on the wire (see `untilRequestSent`). */
  sent: Promise<void>;
  /** The nextLink at the head of this page's body, once it arrived. */
  early?: string | undefined;
  abort(): void;
}
