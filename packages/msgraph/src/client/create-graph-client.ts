import {
  abortableSleep,
  isRetryableStatus,
  type Logger,
  noopLogger,
  noopTelemetry,
  type RetryPolicy,
  retryDelay,
  type Telemetry,
} from "@uslimato/core/connector";
import type { GraphTokenProvider } from "../auth/access-token";
import { GRAPH_CLOUDS } from "../auth/graph-clouds";
import { checkEndpointUrl } from "../auth/resolve-graph-endpoints";
import { GraphError } from "../errors/graph-error";
import type { GraphClient, GraphMethod, GraphRequestOptions, GraphResponse } from "./graph-client";
import { sendGraphRequest } from "./send-graph-request";

const SERVICE = { "uslimato.http.service": "msgraph" };

/** Options of {@link createGraphClient}. */
export interface GraphClientOptions {
  /** The host's telemetry (`ctx.telemetry`): a client span per request, retries and throttling waits as metrics. */
  telemetry?: Telemetry;
  tokenProvider: GraphTokenProvider;
  /** Graph base URL with version. Default `https://graph.microsoft.com/v1.0`; http only on loopback. */
  baseUrl?: string;
  logger?: Logger;
  /** Timeout of one attempt (request and body). Default 30 s. */
  timeoutMs?: number;
  /**
   * Retries after the first attempt for 429, 502, 503, 504, network errors, timeouts and truncated JSON.
   * Default `retry.retries`, else 4.
   */
  maxRetries?: number;
  /** The shared retry policy's bounds (core's `RetryPolicy`): backoff base, ceiling of every wait. */
  retry?: RetryPolicy;
  /** A fetch implementation. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

function isRetryable(error: GraphError): boolean {
  if (error.code === "THROTTLED" || error.code === "NETWORK" || error.code === "TIMEOUT") return true;
  if (error.code === "INVALID_RESPONSE") return true;
  return error.status !== undefined && isRetryableStatus(error.status);
}

/**
 * Creates a Microsoft Graph client: bearer tokens from the provider, bounded retries honouring `Retry-After`,
 * a timeout per attempt, `AbortSignal` end to end, and {@link GraphError}s that keep Graph's request id.
 * Absolute URLs (nextLinks) are followed as given but must stay on the base URL's origin.
 *
 * @example
 * ```ts
 * const graph = createGraphClient({ tokenProvider, baseUrl: "https://graph.microsoft.com/v1.0" });
 * const { data } = await graph.get<{ value: unknown[] }>("/users?$top=999");
 * ```
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = checkEndpointUrl(options.baseUrl ?? GRAPH_CLOUDS.global.graphBaseUrl, "baseUrl");
  const baseUrl = base.href.replace(/\/+$/, "");
  const logger = options.logger ?? noopLogger;
  const maxRetries = options.maxRetries ?? options.retry?.retries ?? 4;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const telemetry = options.telemetry ?? noopTelemetry;

  function resolve(pathOrUrl: string): URL {
    if (!/^https?:\/\//i.test(pathOrUrl)) {
      return new URL(`${baseUrl}${pathOrUrl.startsWith("/") ? "" : "/"}${pathOrUrl}`);
    }
    const url = new URL(pathOrUrl);
    if (url.origin !== base.origin) {
      throw new GraphError(
        "FOREIGN_ORIGIN",
        `Refusing to send a Graph token to ${url.origin}: not ${base.origin}`,
      );
    }
    return url;
  }

  async function request<T>(
    method: GraphMethod,
    pathOrUrl: string,
    call: GraphRequestOptions = {},
  ): Promise<GraphResponse<T>> {
    // Method and service only: a Graph path can name a user by e-mail (`/users/{upn}`).
    const span = telemetry.span(`Graph ${method}`, { ...SERVICE, "http.request.method": method }, "client");
    let attempts = 0;
    try {
      const response = await attempt<T>(method, pathOrUrl, call, () => attempts++);
      span.set({ "http.response.status_code": response.status });
      return response;
    } catch (error) {
      span.fail(error instanceof GraphError ? error.code : "ABORTED");
      if (error instanceof GraphError && error.status !== undefined)
        span.set({ "http.response.status_code": error.status });
      throw error;
    } finally {
      span.set({ "uslimato.http.attempts": attempts });
      span.end();
    }
  }

  async function attempt<T>(
    method: GraphMethod,
    pathOrUrl: string,
    call: GraphRequestOptions,
    counted: () => void,
  ): Promise<GraphResponse<T>> {
    const url = resolve(pathOrUrl);
    const { signal } = call;
    for (let attempt = 0; ; attempt++) {
      counted();
      signal?.throwIfAborted();
      let failure: GraphError;
      try {
        const { token } = await options.tokenProvider.getToken(signal);
        return await sendGraphRequest<T>({
          method,
          url,
          token,
          headers: call.headers,
          body: call.body,
          signal,
          timeoutMs,
          fetch: fetchImpl,
          logger,
          onSent: call.onSent,
          onHead: call.onHead,
        });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (!(error instanceof GraphError) || !isRetryable(error) || attempt >= maxRetries) throw error;
        failure = error;
      }
      const delayMs = retryDelay(attempt, failure.retryAfterMs, options.retry);
      telemetry.retry(SERVICE);
      if (failure.status === 429 || failure.retryAfterMs !== undefined)
        telemetry.throttleWait(delayMs, SERVICE);
      logger.debug(
        {
          code: failure.code,
          status: failure.status,
          requestId: failure.requestId,
          attempt: attempt + 1,
          delayMs,
        },
        "graph request retried",
      );
      await abortableSleep(delayMs, signal);
    }
  }

  return {
    baseUrl,
    get: (pathOrUrl, call) => request("GET", pathOrUrl, call),
    request,
  };
}
