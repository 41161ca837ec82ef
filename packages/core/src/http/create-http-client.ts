import { randomUUID } from "node:crypto";
import ky, { type KyInstance } from "ky";
import pRetry, { AbortError } from "p-retry";
import type { ServiceDiagnosis } from "../errors/service-diagnosis";
import type { Logger } from "../logging/logger";
import { noopLogger } from "../logging/noop-logger";
import { noopTelemetry } from "../telemetry/create-telemetry";
import type { Telemetry, TelemetrySpan } from "../telemetry/telemetry";
import { abortableSleep } from "./abortable-sleep";
import { HttpError } from "./http-error";
import { parseRetryAfter } from "./parse-retry-after";
import { isRetryableStatus, type RetryPolicy, retryDelay } from "./retry-policy";
import { watchRequestSent } from "./watch-request-sent";

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /**
   * The host's telemetry (a connector passes `ctx.telemetry`): a client span per request (method, service, status,
   * attempts; never the URL, which can carry personal data), retries and throttling waits as metrics.
   */
  telemetry?: Telemetry;
  /** Base URL that relative request URLs resolve against. */
  baseUrl?: string;
  /** Per-attempt timeout. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  retries?: number;
  /** Longest wait a `Retry-After` may ask for. Default: `retry.maxDelayMs` (60 s). */
  maxRetryAfterMs?: number;
  /** Base of the jittered exponential backoff. Default: `retry.baseDelayMs` (500 ms). */
  backoffBaseMs?: number;
  /** The shared retry policy's bounds (see {@link RetryPolicy}); `retries` above wins over `retry.retries`. */
  retry?: RetryPolicy;
  /** Headers sent with every request (e.g. `authorization`); never logged or kept on errors. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Reads the service's error code and request id from a failed response. */
  describeError?: (
    body: unknown,
    headers: Headers,
  ) => { serviceCode?: string; requestId?: string; diagnosis?: Partial<ServiceDiagnosis> };
  /** The service's name in the {@link ServiceDiagnosis} of failed calls (e.g. `sap`). Default `http`. */
  service?: string;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** One request. */
export interface HttpRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  searchParams?: Record<string, string>;
  json?: unknown;
  /** A form body (`application/x-www-form-urlencoded`), e.g. an OAuth token request. Never logged. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Called once the request is on the wire (its headers written to the socket, as Node's `fetch` reports it), or
   * when its first attempt settled with another fetch. The request then carries a unique `client-request-id`
   * header (unless it has one) to be recognized by. A pager uses it with {@link untilRequestSent} to put the next
   * page's request on the wire before working on the current page.
   */
  onSent?: () => void;
}

/** A successful response with its parsed JSON body (or text when it is not JSON). */
export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** The HTTP client connectors use. */
export interface HttpClient {
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
}

/**
 * An HTTP client for connectors on ky + p-retry: a timeout per attempt, bounded retries on 429/502/503/504 and
 * network errors, `Retry-After` (seconds or HTTP date) honoured and capped, jittered exponential backoff
 * otherwise, AbortSignal end to end, and errors that keep status, service code and request id but never a
 * header value, token or body.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const logger = options.logger ?? noopLogger;
  const telemetry = options.telemetry ?? noopTelemetry;
  const policy: RetryPolicy = {
    ...options.retry,
    ...(options.backoffBaseMs !== undefined ? { baseDelayMs: options.backoffBaseMs } : {}),
    ...(options.maxRetryAfterMs !== undefined ? { maxDelayMs: options.maxRetryAfterMs } : {}),
  };
  const retries = options.retries ?? options.retry?.retries ?? 4;
  const client: KyInstance = ky.create({
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    timeout: options.timeoutMs ?? 30_000,
    retry: 0,
    throwHttpErrors: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return {
    async request<T>(request: HttpRequest): Promise<HttpResponse<T>> {
      const method = request.method ?? "GET";
      const facts = { method, url: stripQuery(request.url), attempts: 0 };
      const service = { "uslimato.http.service": options.service ?? "http" };
      // Method and service only: a URL's path can carry personal data (a user's e-mail in `/users/{upn}`).
      const span = telemetry.span(`HTTP ${method}`, { ...service, "http.request.method": method }, "client");
      let waitMs = 0;
      let lastStatus: number | undefined;
      // Reported once, by whichever attempt leaves first.
      let onSent = request.onSent;
      if (onSent) {
        const report = onSent;
        onSent = () => {
          onSent = undefined;
          report();
        };
      }
      return traced(
        span,
        facts,
        () => lastStatus,
        pRetry(
          async (attempt) => {
            facts.attempts = attempt;
            const headers: Record<string, string> = {
              accept: "application/json",
              ...(await options.headers?.()),
              ...request.headers,
            };
            let settled: (() => void) | undefined;
            if (onSent) {
              const marker = headers["client-request-id"] ?? randomUUID();
              headers["client-request-id"] = marker;
              settled = watchRequestSent(marker, onSent);
            }
            let response: Response;
            try {
              const responded = client(request.url, {
                method,
                headers,
                ...(request.searchParams ? { searchParams: request.searchParams } : {}),
                ...(request.json !== undefined ? { json: request.json } : {}),
                ...(request.form !== undefined ? { body: new URLSearchParams(request.form) } : {}),
                ...(request.signal ? { signal: request.signal } : {}),
              });
              if (settled) responded.then(settled, settled);
              response = await responded;
            } catch (error) {
              if (request.signal?.aborted)
                throw new AbortError(
                  request.signal.reason instanceof Error ? request.signal.reason : new Error("aborted"),
                );
              const timeout = error instanceof Error && error.name === "TimeoutError";
              throw new HttpError(
                timeout ? "HTTP_TIMEOUT" : "HTTP_NETWORK",
                `${method} ${facts.url} ${timeout ? "timed out" : "failed: network error"}`,
                { ...facts },
                error,
              );
            }
            lastStatus = response.status;
            const text = await response.text();
            const body = parseBody(text, response.headers);
            if (response.ok) {
              if (body.invalid) {
                throw new HttpError(
                  "HTTP_INVALID_RESPONSE",
                  `${method} ${facts.url} returned a body that is not valid JSON`,
                  { ...facts, status: response.status },
                );
              }
              return { status: response.status, headers: response.headers, body: body.value as T };
            }
            const described = options.describeError?.(body.value, response.headers) ?? {};
            const requestId =
              described.requestId ??
              response.headers.get("request-id") ??
              response.headers.get("x-request-id") ??
              undefined;
            const error = new HttpError(
              "HTTP_ERROR",
              `${method} ${facts.url} answered ${response.status}${described.serviceCode ? ` (${described.serviceCode})` : ""}`,
              {
                ...facts,
                status: response.status,
                ...(described.serviceCode ? { serviceCode: described.serviceCode } : {}),
                ...(requestId ? { requestId } : {}),
                diagnosis: {
                  service: options.service ?? "http",
                  ...(response.headers.get("client-request-id")
                    ? { clientRequestId: response.headers.get("client-request-id") as string }
                    : {}),
                  ...described.diagnosis,
                },
              },
            );
            if (!isRetryableStatus(response.status)) throw new AbortError(error);
            waitMs =
              parseRetryAfter(response.headers.get("retry-after"), Date.now(), Number.POSITIVE_INFINITY) ??
              -1;
            throw error;
          },
          {
            retries,
            minTimeout: 0,
            maxTimeout: 0,
            randomize: false,
            ...(request.signal ? { signal: request.signal } : {}),
            shouldRetry: ({ error }) => error instanceof HttpError && error.code !== "HTTP_INVALID_RESPONSE",
            onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
              if (
                retriesLeft === 0 ||
                !(error instanceof HttpError) ||
                error.code === "HTTP_INVALID_RESPONSE"
              )
                return;
              const delay = retryDelay(
                attemptNumber - 1,
                waitMs >= 0 && error.status !== undefined ? waitMs : undefined,
                policy,
              );
              if (error.status === 429 || (waitMs >= 0 && error.status !== undefined))
                telemetry.throttleWait(delay, service);
              telemetry.retry(service);
              waitMs = -1;
              logger.debug(
                { url: facts.url, status: error.status, attempt: attemptNumber, delayMs: delay },
                "retrying request",
              );
              await abortableSleep(delay, request.signal);
            },
          },
        ),
      );
    },
  };
}

/** Ends a request's span with its status and attempts, and marks it failed with the error's code. */
async function traced<T>(
  span: TelemetrySpan,
  facts: { attempts: number },
  status: () => number | undefined,
  work: Promise<T>,
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    span.fail(error instanceof HttpError ? error.code : "HTTP_ABORTED");
    throw error;
  } finally {
    const code = status();
    span.set({
      "uslimato.http.attempts": facts.attempts,
      ...(code !== undefined ? { "http.response.status_code": code } : {}),
    });
    span.end();
  }
}

function parseBody(text: string, headers: Headers): { value: unknown; invalid: boolean } {
  if (text.length === 0) return { value: null, invalid: false };
  const type = headers.get("content-type") ?? "";
  if (!type.includes("json")) return { value: text, invalid: false };
  try {
    return { value: JSON.parse(text), invalid: false };
  } catch {
    return { value: null, invalid: true };
  }
}

function stripQuery(url: string): string {
  const at = url.indexOf("?");
  return at === -1 ? url : url.slice(0, at);
}
