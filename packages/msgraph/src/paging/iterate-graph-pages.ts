import { createHash } from "node:crypto";
import { untilRequestSent } from "@uslimato/core/connector";
import type { GraphClient, GraphResponse } from "../client/graph-client";
import { GraphError } from "../errors/graph-error";
import { asGraphPageBody, type GraphPage } from "./graph-page";
import { nextLinkAtHead } from "./next-link-at-head";

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

const noop = (): void => {};

/** A page request under way. */
interface PageRequest<T> {
  link: string;
  page: Promise<GraphPage<T>>;
  /** Resolves when the request is on the wire (see `GraphRequestOptions.onSent`). */
  onWire: Promise<void>;
  /** Aborts this request alone (a guessed next link that the parsed page did not confirm). */
  stop: AbortController;
  /** The head of the answer was seen (once: a retried attempt shows it again). */
  headSeen: boolean;
  /** The next link read off the answer's head, before the page was parsed. */
  early?: string | undefined;
  /** Told `early` when it comes while the pager waits for this page. */
  onEarly?: ((link: string) => void) | undefined;
}

function sawHead<T>(request: PageRequest<T>, head: string): void {
  if (request.headSeen) return;
  request.headSeen = true;
  request.early = nextLinkAtHead(head);
  if (request.early !== undefined) request.onEarly?.(request.early);
}

/**
 * Iterates a Graph collection page by page, following `@odata.nextLink` as given. With `prefetch` (default) the
 * request for the next page is on the wire while the caller works on the current one: a page is handed out only
 * once the next page's request has left (its headers written to the socket), so the caller's synchronous work
 * cannot hold it back (at most 25 ms with a fetch that does not report it). Further, while the pager waits for a
 * page whose answer shows its next link ahead of its items (Graph writes annotations before `value`), the request
 * for the page after it leaves as soon as that head arrived, before the page is read and parsed; it is kept only
 * if the parsed page names the same link (else it is aborted and the page's own link requested). Each page
 * request is retried by the client, so a failure resumes from the last successful nextLink. Stopping early
 * aborts the requests under way.
 *
 * A listing that does not end fails instead of running forever: a nextLink already followed in this listing
 * (the same link again, or a cycle back to an earlier one) is a {@link GraphError} `NEXT_LINK_LOOP`, and more
 * pages than `maxPages` (or than an announced `@odata.count` can need) is `PAGE_LIMIT_EXCEEDED`, both before
 * the link is requested (an early request is sent only for a link that passes both checks).
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
  const headers = options.headers ? { headers: options.headers } : {};
  const fetchPage = (link: string): Promise<GraphPage<T>> =>
    client.get(link, { signal, ...headers }).then(toPage<T>);
  const start = (link: string): PageRequest<T> => {
    const stop = new AbortController();
    let sent = noop;
    const onWire = new Promise<void>((resolve) => {
      sent = resolve;
    });
    const page = client
      .get(link, {
        signal: AbortSignal.any([signal, stop.signal]),
        ...headers,
        onSent: () => sent(),
        onHead: (head) => sawHead(request, head),
      })
      .then(toPage<T>);
    page.catch(noop);
    const request: PageRequest<T> = { link, page, onWire, stop, headSeen: false };
    return request;
  };
  const where = url.split("?")[0];
  const followed = new Set<string>();
  let ahead: PageRequest<T> | undefined;
  try {
    let page = await fetchPage(url);
    const { limit, why } = pageLimit(page, options.maxPages ?? DEFAULT_MAX_GRAPH_PAGES);
    for (let pages = 1; ; pages++) {
      const link = page.nextLink;
      if (ahead && ahead.link !== link) {
        ahead.stop.abort();
        ahead = undefined;
      }
      if (link === undefined) {
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
      if (pages >= limit) {
        throw new GraphError(
          "PAGE_LIMIT_EXCEEDED",
          `Graph listing ${where} did not end after ${pages} pages, ${why}; stopped`,
          { requestId: page.requestId },
        );
      }
      if (options.prefetch === false) {
        yield page;
        page = await fetchPage(link);
        continue;
      }
      const next = ahead ?? start(link);
      ahead = undefined;
      await untilRequestSent(next.onWire, next.page);
      yield page;
      // Page `pages + 1` is awaited now: the link its head shows is requested at once, if it passes the checks
      // the loop makes before following it.
      const guess = (early: string): void => {
        if (pages + 1 < limit && !followed.has(fingerprint(early))) ahead = start(early);
      };
      if (next.early !== undefined) guess(next.early);
      else next.onEarly = guess;
      try {
        page = await next.page;
      } finally {
        next.onEarly = undefined;
      }
    }
  } finally {
    inner.abort(new GraphError("NETWORK", "Paging stopped by the consumer"));
  }
}
