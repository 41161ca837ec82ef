/** What a fault does. */
export type FaultKind =
  | "throttle"
  | "unavailable"
  | "gatewayTimeout"
  | "slow"
  | "reset"
  | "truncated"
  | "malformed"
  | "emptyPage"
  | "duplicatePage"
  | "loopNextLink"
  | "expiredDelta"
  | "truncatedListing";

/** One fault rule: which requests, what happens, how often. */
export interface FaultRule {
  kind: FaultKind;
  /** Path prefix (e.g. `/v1.0/users/delta`) or a RegExp tested on path + query. Default: every request. */
  match?: string | RegExp;
  /** Only this HTTP method. */
  method?: string;
  /** Fire at most this many times, then the rule is removed. Default unlimited. */
  times?: number;
  /** Skip the first `after` matching requests (schedule: "the 3rd page fails"). Default 0. */
  after?: number;
  /** Then fire on every n-th matching request. Default 1 (each one). */
  every?: number;
  /** Fire with this probability (seeded, so replayable). Default 1. */
  probability?: number;
  /** `Retry-After` of `throttle` and `unavailable`, in seconds. Default 1 (`unavailable`: none unless set). */
  retryAfterSeconds?: number;
  /**
   * Latency of `slow`, in ms: the answer leaves this long after the request arrived (the server's own work
   * included), like a service with that latency. Default 2000.
   */
  delayMs?: number;
  /** Answer of `expiredDelta`: 410 Gone + Location, or 400 `syncStateNotFound`. Default the server's setting. */
  style?: "gone" | "syncStateNotFound";
  /**
   * `truncatedListing` (Intune listings): items the page still carries before the listing ends with no next
   * link. Default half the page.
   */
  keep?: number;
  /**
   * `truncatedListing`: the `@odata.count` the cut page reports: the full count (`full`, default), the items
   * served up to the cut (`truncated`, as in the "949 of N" report), or none.
   */
  reportedCount?: "full" | "truncated" | "none";
  /** `throttle` on an Intune path: answer Intune's 429 without `Retry-After` and with a double-encoded body. */
  withoutRetryAfter?: boolean;
}
