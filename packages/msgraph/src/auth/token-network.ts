import type { INetworkModule, NetworkResponse } from "@azure/msal-node";
import {
  abortableSleep,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
  retryDelay,
} from "@uslimato/core/connector";
import { readTokenFailure, type TokenFailure } from "./token-failure";

/** AADSTS codes that are final: a wrong tenant, app, secret or certificate is not fixed by asking again. */
const FINAL_AADSTS = new Set([
  "90002",
  "900023",
  "700016",
  "7000215",
  "7000222",
  "7000218",
  "700027",
  "700024",
  "70011",
  "700022",
  "700023",
]);

const MAX_TENANTS = 256;
const lastByTenant = new Map<string, TokenFailure>();
/** One wrapper per inner client and policy, so msal's client cache (keyed by network client identity) holds. */
const wrappers = new WeakMap<INetworkModule, Map<string, INetworkModule>>();

function tenantOf(url: string): string | undefined {
  try {
    return new URL(url).pathname.split("/")[1]?.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

function remember(url: string, failure: TokenFailure): void {
  const tenant = tenantOf(url);
  if (tenant === undefined) return;
  lastByTenant.delete(tenant);
  if (lastByTenant.size >= MAX_TENANTS) lastByTenant.delete(lastByTenant.keys().next().value as string);
  lastByTenant.set(tenant, failure);
}

function transient(response: NetworkResponse<unknown>, failure: TokenFailure): boolean {
  if (failure.aadsts !== undefined && FINAL_AADSTS.has(failure.aadsts)) return false;
  return isRetryableStatus(response.status) || failure.error === "temporarily_unavailable";
}

async function withRetries<T>(
  url: string,
  send: () => Promise<NetworkResponse<T>>,
  policy: RetryPolicy,
): Promise<NetworkResponse<T>> {
  const retries = policy.retries ?? DEFAULT_RETRY_POLICY.retries;
  for (let attempt = 0; ; attempt++) {
    let response: NetworkResponse<T>;
    try {
      response = await send();
    } catch (error) {
      // a reset, refused connection or timeout: msal reports it as network_error once retries run out
      if (attempt >= retries) throw error;
      await abortableSleep(retryDelay(attempt, undefined, policy));
      continue;
    }
    if (response.status < 400) return response;
    const failure = readTokenFailure(response.status, response.body, response.headers ?? {});
    remember(url, failure);
    if (attempt >= retries || !transient(response, failure)) return response;
    const asked = parseRetryAfter(failure.retryAfter, Date.now(), Number.POSITIVE_INFINITY);
    await abortableSleep(retryDelay(attempt, asked, policy));
  }
}

/**
 * Wraps msal-node's network client for token requests and authority discovery: transient failures (429, 502,
 * 503, 504, `temporarily_unavailable`, a reset or timeout) are retried under the shared retry policy, with
 * `Retry-After` honoured; final AADSTS answers (bad tenant, app, secret, certificate) are not. Each failed
 * answer is remembered per tenant, since msal reports a failed discovery only as `endpoints_resolution_error`
 * and keeps neither the HTTP status nor the trace id.
 */
export function tokenNetwork(inner: INetworkModule, policy: RetryPolicy = {}): INetworkModule {
  const key = `${policy.retries ?? ""}/${policy.baseDelayMs ?? ""}/${policy.maxDelayMs ?? ""}`;
  let byPolicy = wrappers.get(inner);
  if (!byPolicy) {
    byPolicy = new Map();
    wrappers.set(inner, byPolicy);
  }
  let wrapped = byPolicy.get(key);
  if (!wrapped) {
    wrapped = {
      sendGetRequestAsync: (url, options, timeout) =>
        withRetries(url, () => inner.sendGetRequestAsync(url, options, timeout), policy),
      sendPostRequestAsync: (url, options) =>
        withRetries(url, () => inner.sendPostRequestAsync(url, options), policy),
    };
    byPolicy.set(key, wrapped);
  }
  return wrapped;
}

/** The failure last answered for a tenant's authority, taken once (and forgotten). */
export function takeTokenFailure(tenantId: string): TokenFailure | undefined {
  const key = tenantId.toLowerCase();
  const value = lastByTenant.get(key);
  lastByTenant.delete(key);
  return value;
}
