import { randomUUID } from "node:crypto";
import type { Logger } from "@uslimato/core/connector";
import { parseRetryAfter, watchRequestSent } from "@uslimato/core/connector";
import { GraphError, type GraphErrorCode, type GraphErrorFields } from "../errors/graph-error";
import { decodeIntuneMessage } from "./decode-intune-message";
import type { GraphMethod, GraphResponse } from "./graph-client";
import { parseGraphError } from "./parse-graph-error";
import { readBodyWithHead } from "./read-body-with-head";

/** One attempt of a Graph call, with everything already resolved. */
export interface GraphAttempt {
  method: GraphMethod;
  url: URL;
  token: string;
  headers: Record<string, string> | undefined;
  body: unknown;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
  logger: Logger;
  /** Told when the request is on the wire (or, when that cannot be seen, when it settled). */
  onSent?: (() => void) | undefined;
  /**
   * Told the leading string members of a successful answer's body before the rest arrived; a promise it returns
   * holds back reading the rest until it settles.
   */
  onHead?: ((members: Record<string, string>) => void | Promise<void>) | undefined;
}

const THROTTLE_HEADERS = [
  "x-ms-resource-unit",
  "x-ms-throttle-limit-percentage",
  "x-ms-throttle-scope",
  "x-ms-throttle-information",
];

function statusCode(status: number): GraphErrorCode {
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 429) return "THROTTLED";
  return "GRAPH_HTTP_ERROR";
}

function logThrottling(response: Response, attempt: GraphAttempt): void {
  const fields: Record<string, string> = {};
  for (const name of THROTTLE_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) fields[name] = value;
  }
  if (Object.keys(fields).length > 0) {
    attempt.logger.debug(
      { ...fields, path: attempt.url.pathname, status: response.status },
      "graph throttling",
    );
  }
}

/**
 * Sends one Graph request and reads its body under one timeout. Returns the parsed answer or throws a
 * {@link GraphError}; the caller's abort reason is rethrown as it is.
 */
export async function sendGraphRequest<T>(attempt: GraphAttempt): Promise<GraphResponse<T>> {
  const { method, url, token, signal } = attempt;
  const where = `${method} ${url.pathname}`;
  const timeout = AbortSignal.timeout(attempt.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    accept: "application/json",
    "client-request-id": randomUUID(),
    ...attempt.headers,
    authorization: `Bearer ${token}`,
  };
  if (attempt.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  let text: string;
  const { onSent } = attempt;
  const settled = onSent ? watchRequestSent(headers["client-request-id"] ?? "", onSent) : undefined;
  try {
    const responded = attempt.fetch(url, {
      method,
      headers,
      body: attempt.body === undefined ? undefined : JSON.stringify(attempt.body),
      signal: combined,
    });
    if (settled) responded.then(settled, settled);
    response = await responded;
    text =
      attempt.onHead && response.ok
        ? await readBodyWithHead(response, attempt.onHead)
        : await response.text();
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) {
      throw new GraphError("TIMEOUT", `Graph ${where} timed out after ${attempt.timeoutMs} ms`);
    }
    throw new GraphError("NETWORK", `Graph ${where} failed on the network`, {}, { cause, secrets: [token] });
  }
  logThrottling(response, attempt);
  const headerRequestId = response.headers.get("request-id") ?? undefined;
  if (response.ok) {
    if (text.trim() === "") {
      return {
        data: undefined as T,
        status: response.status,
        headers: response.headers,
        requestId: headerRequestId,
      };
    }
    try {
      const data = JSON.parse(text) as T;
      return { data, status: response.status, headers: response.headers, requestId: headerRequestId };
    } catch (cause) {
      throw new GraphError(
        "INVALID_RESPONSE",
        `Graph ${where} answered ${response.status} with a body that is not valid JSON (${text.length} characters)`,
        { status: response.status, requestId: headerRequestId },
        { cause },
      );
    }
  }
  const body = parseGraphError(text);
  const retryAfterMs = parseRetryAfter(
    response.headers.get("retry-after"),
    Date.now(),
    Number.POSITIVE_INFINITY,
  );
  const graphCode = body?.code;
  const intune = decodeIntuneMessage(body?.message);
  const said = intune?.message ?? body?.message;
  const message = `${intune?.errorCode ? ` (Intune: ${intune.errorCode})` : ""}${said ? `: ${said}` : ""}`;
  const fields: GraphErrorFields = { status: response.status };
  const set = <K extends keyof GraphErrorFields>(key: K, value: GraphErrorFields[K] | undefined): void => {
    if (value !== undefined && value !== "") fields[key] = value;
  };
  set("graphCode", graphCode);
  set("requestId", headerRequestId ?? body?.requestId);
  set("clientRequestId", response.headers.get("client-request-id") ?? body?.clientRequestId);
  set("date", body?.date ?? response.headers.get("date") ?? undefined);
  set("graphMessage", said);
  set("serviceCode", intune?.errorCode);
  set("activityId", intune?.activityId);
  if (intune) fields.service = "intune";
  set("retryAfterMs", retryAfterMs);
  throw new GraphError(
    statusCode(response.status),
    `Graph ${where} answered ${response.status}${graphCode ? ` ${graphCode}` : ""}${message}`,
    fields,
    { secrets: [token] },
  );
}
