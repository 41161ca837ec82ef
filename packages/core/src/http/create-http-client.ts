import ky, { type KyInstance } from "ky";
import pRetry, { AbortError } from "p-retry";
import type { Logger } from "../logging/logger";
import { noopLogger } from "../logging/noop-logger";
import { backoffDelay } from "./backoff-delay";
import { HttpError } from "./http-error";
import { parseRetryAfter } from "./parse-retry-after";

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** Base URL that relative request URLs resolve against. */
  baseUrl?: string;
  /** Per-attempt timeout. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  retries?: number;
  /** Longest wait a `Retry-After` may ask for. Default 120 s. */
  maxRetryAfterMs?: number;
  /** Base of the jittered exponential backoff. Default 500 ms. */
  backoffBaseMs?: number;
  /** Headers sent with every request (e.g. `authorization`); never logged or kept on errors. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Reads the service's error code and request id from a failed response. */
  describeError?: (body: unknown, headers: Headers) => { serviceCode?: string; requestId?: string };
  logger?: Logger;
  fetch?: typeof fetch;
}

/** One request. */
export interface HttpRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  searchParams?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
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

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/**
 * An HTTP client for connectors on ky + p-retry: a timeout per attempt, bounded retries on 429/502/503/504 and
 * network errors, `Retry-After` (seconds or HTTP date) honoured and capped, jittered exponential backoff
 * otherwise, AbortSignal end to end, and errors that keep status, service code and request id but never a
 * header value, token or body.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const logger = options.logger ?? noopLogger;
  const retries = options.retries ?? 4;
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
      let waitMs = 0;
      return pRetry(
        async (attempt) => {
          facts.attempts = attempt;
          const headers = { accept: "application/json", ...(await options.headers?.()), ...request.headers };
          let response: Response;
          try {
            response = await client(request.url, {
              method,
              headers,
              ...(request.searchParams ? { searchParams: request.searchParams } : {}),
              ...(request.json !== undefined ? { json: request.json } : {}),
              ...(request.signal ? { signal: request.signal } : {}),
            });
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
            },
          );
          if (!RETRY_STATUSES.has(response.status)) throw new AbortError(error);
          waitMs =
            parseRetryAfter(
              response.headers.get("retry-after"),
              Date.now(),
              options.maxRetryAfterMs ?? 120_000,
            ) ?? -1;
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
            if (retriesLeft === 0 || !(error instanceof HttpError) || error.code === "HTTP_INVALID_RESPONSE")
              return;
            const delay =
              waitMs >= 0 && error.status !== undefined
                ? waitMs
                : backoffDelay(attemptNumber - 1, options.backoffBaseMs ?? 500);
            waitMs = -1;
            logger.debug(
              { url: facts.url, status: error.status, attempt: attemptNumber, delayMs: delay },
              "retrying request",
            );
            await sleep(delay, request.signal);
          },
        },
      );
    },
  };
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

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
