import {
  createHttpClient,
  HttpError,
  type Logger,
  type RetryPolicy,
  type Telemetry,
} from "@uslimato/core/connector";
import { z } from "zod";
import type { SapAuth } from "../auth/sap-auth";
import { classifySapFailure, type SapCallContext } from "./classify-sap-failure";
import { describeSapResponse } from "./describe-sap-response";
import { normalizeODataRow, type ODataRow } from "./normalize-odata-row";
import type { ODataVersion } from "./odata-literal";
import { SapError } from "./sap-error";

/** One collection request. */
export interface ODataQuery {
  entitySet: string;
  /** A `$filter` built from typed literals (see `formatODataLiteral`, `keysetFilter`). */
  filter?: string;
  orderby?: ReadonlyArray<string>;
  select?: ReadonlyArray<string>;
  expand?: ReadonlyArray<string>;
  top?: number;
  /** Ask for the total count (`$inlinecount=allpages` in v2, `$count=true` in v4). */
  count?: boolean;
}

/** One page of a collection, rows in plain JSON (see `normalizeODataRow`). */
export interface ODataPage {
  /** The rows, normalized on first access (so a caller can send its next request before paying for it). */
  readonly rows: ODataRow[];
  /** How many rows the page holds. */
  size: number;
  /** The last row, normalized (its key continues a keyset listing), or `undefined` for an empty page. */
  last: ODataRow | undefined;
  /** The server's next link, resolved against the request URL; `undefined` on the last page. */
  nextLink: string | undefined;
  count: number | undefined;
  /** The `sap-message` header (warnings and infos SAP sent with the success), as given. */
  sapMessage: string | undefined;
}

/** Options of {@link createODataClient}. */
export interface ODataClientOptions {
  /** The system's root URL (no trailing slash). */
  baseUrl: string;
  /** The service path, e.g. `/sap/opu/odata/sap/API_EQUIPMENT`. */
  servicePath: string;
  version: ODataVersion;
  /** Service and scenario named in errors. */
  call: SapCallContext;
  auth: SapAuth;
  sapClient?: string;
  sapLanguage?: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Longest URL sent. Default 4096. */
  maxUrlLength?: number;
  logger?: Logger;
  /** The host's telemetry (`ctx.telemetry`): a client span per request (service `sap`), retries and throttling waits. */
  telemetry?: Telemetry | undefined;
}

/** A small OData v2/v4 reader for one SAP service. */
export interface ODataClient {
  readonly version: ODataVersion;
  /** The absolute URL of a query. */
  url(query: ODataQuery): string;
  /** Reads one page of a collection. */
  list(query: ODataQuery, signal: AbortSignal, options?: ODataReadOptions): Promise<ODataPage>;
  /** Reads the page a next link points at (relative links resolve against `base`, the request that gave it). */
  follow(link: string, signal: AbortSignal, options?: ODataReadOptions): Promise<ODataPage>;
}

/** Options of one read. */
export interface ODataReadOptions {
  /**
   * Called once the request is on the wire (see core's `HttpRequest.onSent`): a keyset pager starts the next
   * page's request and waits for this before working on the current page.
   */
  onSent?: () => void;
}

/** A row: any JSON object (its fields are read by the sources; checking each here would cost a pass per field). */
const row = z.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "must be an object",
);
const v2Page = z.object({
  d: z.object({
    results: z.array(row),
    __next: z.string().optional(),
    __count: z.string().optional(),
  }),
});
const v4Page = z.object({
  value: z.array(row),
  "@odata.nextLink": z.string().optional(),
  "@odata.count": z.union([z.number(), z.string()]).optional(),
});

/**
 * A page whose rows are normalized on first access; its size and normalized last row are there at once. Built as
 * one object literal: spreading an object with a getter would call the getter, normalizing every row before the
 * caller could send its next request.
 */
function lazyPage(
  raw: ReadonlyArray<Record<string, unknown>>,
  facts: Pick<ODataPage, "nextLink" | "count" | "sapMessage">,
): ODataPage {
  let rows: ODataRow[] | undefined;
  const last = raw.at(-1);
  return {
    get rows() {
      rows ??= raw.map(normalizeODataRow);
      return rows;
    },
    size: raw.length,
    last: last === undefined ? undefined : normalizeODataRow(last),
    ...facts,
  };
}

const encode = (value: string) =>
  encodeURIComponent(value)
    .replace(/%24/g, "$")
    .replace(/%2C/g, ",")
    .replace(/%2F/g, "/")
    .replace(/%3A/g, ":");

/**
 * Creates an OData client on core's HTTP client (ky + p-retry: one retry policy, `Retry-After`, timeouts, abort):
 * v2 and v4 pages, typed queries, next links resolved against the request, `/Date()/` and durations as ISO,
 * decimals kept exact (v4 asks for `IEEE754Compatible=true`), `sap-client` and `sap-language`, the `sap-message`
 * header kept, a URL length cap, one new token after a 401 for OAuth, and failures classified by SAP's code.
 */
export function createODataClient(options: ODataClientOptions): ODataClient {
  const { version, auth } = options;
  const http = createHttpClient({
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(auth.fetch ? { fetch: auth.fetch } : {}),
    service: "sap",
    describeError: describeSapResponse,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.telemetry ? { telemetry: options.telemetry } : {}),
  });
  const root = `${options.baseUrl}${options.servicePath}`;
  const maxUrl = options.maxUrlLength ?? 4096;
  const accept = version === "v4" ? "application/json;IEEE754Compatible=true" : "application/json";

  function url(query: ODataQuery): string {
    const params: string[] = [];
    if (query.filter) params.push(`$filter=${encode(query.filter)}`);
    if (query.orderby?.length) params.push(`$orderby=${encode(query.orderby.join(","))}`);
    if (query.select?.length) params.push(`$select=${encode(query.select.join(","))}`);
    if (query.expand?.length) params.push(`$expand=${encode(query.expand.join(","))}`);
    if (query.top !== undefined) params.push(`$top=${query.top}`);
    if (query.count) params.push(version === "v2" ? "$inlinecount=allpages" : "$count=true");
    if (version === "v2") params.push("$format=json");
    if (options.sapLanguage) params.push(`sap-language=${encode(options.sapLanguage)}`);
    return `${root}/${encodeURIComponent(query.entitySet)}?${params.join("&")}`;
  }

  async function get(target: string, signal: AbortSignal, read: ODataReadOptions = {}): Promise<ODataPage> {
    if (target.length > maxUrl)
      throw new SapError(
        "SAP_URL_TOO_LONG",
        `A request URL to ${options.call.service} has ${target.length} characters (cap ${maxUrl})`,
        {
          remedy: "Configure fewer plants or company codes per integration",
          service: options.call.service,
        },
      );
    const send = async () =>
      http.request<unknown>({
        url: target,
        headers: {
          accept,
          ...(options.sapClient ? { "sap-client": options.sapClient } : {}),
          ...(await auth.headers(signal)),
        },
        signal,
        ...(read.onSent ? { onSent: read.onSent } : {}),
      });
    let response: Awaited<ReturnType<typeof send>>;
    try {
      try {
        response = await send();
      } catch (error) {
        if (!(auth.refreshable && error instanceof HttpError && error.status === 401)) throw error;
        auth.invalidate();
        response = await send();
      }
    } catch (error) {
      if (signal.aborted) throw signal.reason ?? error;
      throw classifySapFailure(error, options.call);
    }
    const sapMessage = response.headers.get("sap-message") ?? undefined;
    const invalid = () =>
      new SapError(
        "SAP_RESPONSE_INVALID",
        `${options.call.service} answered with a body that is not an OData ${version} collection`,
        {
          remedy: "Check the service path and entity set (a proxy or the wrong service may have answered)",
          service: options.call.service,
          diagnosis: { service: "sap", httpStatus: response.status, ...(sapMessage ? { sapMessage } : {}) },
        },
      );
    if (version === "v2") {
      const parsed = v2Page.safeParse(response.body);
      if (!parsed.success) throw invalid();
      const { results, __next, __count } = parsed.data.d;
      return lazyPage(results, {
        nextLink: __next ? new URL(__next, target).href : undefined,
        count: __count === undefined ? undefined : Number(__count),
        sapMessage,
      });
    }
    const parsed = v4Page.safeParse(response.body);
    if (!parsed.success) throw invalid();
    const next = parsed.data["@odata.nextLink"];
    const count = parsed.data["@odata.count"];
    return lazyPage(parsed.data.value, {
      nextLink: next ? new URL(next, target).href : undefined,
      count: count === undefined ? undefined : Number(count),
      sapMessage,
    });
  }

  return {
    version,
    url,
    list: (query, signal, read) => get(url(query), signal, read),
    follow: (link, signal, read) => get(new URL(link, `${root}/`).href, signal, read),
  };
}
