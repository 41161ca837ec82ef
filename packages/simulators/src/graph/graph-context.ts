import type { GraphModel } from "./model/graph-model";
import type { PageRenderPool } from "./serialize/page-render-pool";
import type { PagesAhead } from "./serialize/pages-ahead";

/** Behaviour switches of the Graph simulator that differ from (or pick among) the real service's. */
export interface GraphBehaviour {
  /** Delta page size when the client sends no `Prefer: odata.maxpagesize`. Default 999 (real Graph: ~100-200). */
  deltaPageSize: number;
  /** How expired delta tokens answer: 410 + `Location` (default), or 400 `syncStateNotFound`. */
  deltaExpiry: "gone" | "syncStateNotFound";
  /** Members per `members@delta` chunk before a group continues on the next page. Default 100. */
  groupMembersPerPage: number;
  /**
   * `@odata.count` on Intune listings: only with `$count=true` (`whenAsked`, default), or on every page
   * (`always`, as the beta endpoint answered in one report).
   */
  intuneCount: "whenAsked" | "always";
  /**
   * Shape of Intune's 429s when its per-app meter runs out: without `Retry-After` and with a double-encoded
   * body (`noRetryAfter`), Graph's plain shape with `Retry-After` (`retryAfter`), or each in turn (`alternate`,
   * default: the first 429 has no `Retry-After`).
   */
  intuneThrottle: "noRetryAfter" | "retryAfter" | "alternate";
  /** Status of Intune's double-encoded answer to a token without the needed role: 403 (default) or 401. */
  intuneMissingRole: 401 | 403;
}

/** What every Graph route gets. */
export interface GraphContext {
  model: GraphModel;
  behaviour: GraphBehaviour;
  /** Users pages rendered ahead of their request; absent when rendering ahead is off. */
  pagesAhead?: PagesAhead;
  /** Renders those pages (on a worker thread when it can). */
  renderPool?: PageRenderPool;
}

/** A Graph collection page as JSON text, built by concatenation (items are already JSON objects). */
export function pageBody(context: string, items: string[], links: { next?: string; delta?: string }): string {
  let head = `{"@odata.context":${JSON.stringify(context)}`;
  if (links.next) head += `,"@odata.nextLink":${JSON.stringify(links.next)}`;
  let body = `${head},"value":[${items.join(",")}]`;
  if (links.delta) body += `,"@odata.deltaLink":${JSON.stringify(links.delta)}`;
  return `${body}}`;
}

/** The head and tail around a page's items: `{context, nextLink?, "value":[` ... `], deltaLink?}`. */
export function pageFrame(context: string, links: { next?: string; delta?: string }): [string, string] {
  let head = `{"@odata.context":${JSON.stringify(context)}`;
  if (links.next) head += `,"@odata.nextLink":${JSON.stringify(links.next)}`;
  const tail = links.delta ? `],"@odata.deltaLink":${JSON.stringify(links.delta)}}` : "]}";
  return [`${head},"value":[`, tail];
}

/** The Intune page size: `$top` clipped to `max` (no documented maximum), `undefined` if absent, `false` if invalid. */
export function parseIntuneTop(raw: string | null, max: number): number | undefined | false {
  if (raw === null) return undefined;
  const top = Number(raw);
  return Number.isInteger(top) && top >= 1 ? Math.min(top, max) : false;
}

/** Parses `$top`: a number in [1, max], `undefined` if absent, or `false` when invalid. */
export function parseTop(raw: string | null, max: number): number | undefined | false {
  if (raw === null) return undefined;
  const top = Number(raw);
  return Number.isInteger(top) && top >= 1 && top <= max ? top : false;
}

/** The page size asked for with `Prefer: odata.maxpagesize=N`, if any. */
export function preferredPageSize(prefer: string | undefined): number | undefined {
  const match = /odata\.maxpagesize=(\d+)/i.exec(prefer ?? "");
  return match ? Number(match[1]) : undefined;
}

/** JSON content type with the OData flavour Graph sends. */
export const GRAPH_JSON = {
  "content-type":
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8",
};
