/** What the token endpoint (or authority discovery) answered when it failed: Entra's own words and ids. */
export interface TokenFailure {
  httpStatus: number;
  /** The OAuth `error`, e.g. `invalid_client`. */
  error?: string;
  /** The first of `error_codes`, e.g. `7000215`. */
  aadsts?: string;
  /** `trace_id`, or the `x-ms-request-id` header. */
  traceId?: string;
  correlationId?: string;
  /** `timestamp`, as Entra wrote it. */
  timestamp?: string;
  /** `error_description`, without its trailing ids. */
  description?: string;
  /** A `Retry-After` header, as given. */
  retryAfter?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** Reads a failed token-endpoint answer (JSON body or text, plus headers) into a {@link TokenFailure}. */
export function readTokenFailure(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>>,
): TokenFailure {
  const json = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const raw = typeof body === "string" ? body : "";
  const codes = Array.isArray(json["error_codes"]) ? json["error_codes"] : [];
  const first = codes.find((c) => typeof c === "number" || typeof c === "string");
  const description = text(json["error_description"]) ?? (raw ? raw.slice(0, 500) : undefined);
  const aadsts = first !== undefined ? String(first) : /AADSTS(\d+)/.exec(description ?? raw)?.[1];
  const failure: TokenFailure = { httpStatus: status };
  const set = <K extends keyof TokenFailure>(key: K, value: TokenFailure[K] | undefined): void => {
    if (value !== undefined) failure[key] = value;
  };
  set("error", text(json["error"]));
  set("aadsts", aadsts);
  set("traceId", text(json["trace_id"]) ?? text(headers["x-ms-request-id"]));
  set("correlationId", text(json["correlation_id"]) ?? text(headers["client-request-id"]));
  set("timestamp", text(json["timestamp"]));
  set("description", description?.replace(/\s*Trace ID:[\s\S]*$/, ""));
  set("retryAfter", text(headers["retry-after"]));
  return failure;
}
