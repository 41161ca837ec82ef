/** One page of a Graph collection or delta query. */
export interface GraphPage<T = unknown> {
  value: T[];
  /** The absolute URL of the next page, as Graph gave it. */
  nextLink?: string;
  /** On the last page of a delta round: the link to store for the next round. */
  deltaLink?: string;
  /** `@odata.count`, when Graph announced the size of the listing (`$count=true`). */
  count?: number;
  requestId: string | undefined;
}

/** The members of a Graph collection page's body that paging reads. */
export interface GraphPageBody {
  value: unknown[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
  "@odata.count"?: number;
}

const optional = (value: unknown, type: "string" | "count"): boolean =>
  value === undefined ||
  (type === "string"
    ? typeof value === "string"
    : typeof value === "number" && Number.isSafeInteger(value) && value >= 0);

/**
 * A parsed body as a Graph collection page: an object with a `value` array, string `@odata.nextLink` and
 * `@odata.deltaLink` and a non-negative integer `@odata.count` when present (other members allowed); `undefined`
 * otherwise. Items are checked by the caller; the body is not copied.
 */
export function asGraphPageBody(data: unknown): GraphPageBody | undefined {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  const body = data as Record<string, unknown>;
  return Array.isArray(body.value) &&
    optional(body["@odata.nextLink"], "string") &&
    optional(body["@odata.deltaLink"], "string") &&
    optional(body["@odata.count"], "count")
    ? (body as unknown as GraphPageBody)
    : undefined;
}
