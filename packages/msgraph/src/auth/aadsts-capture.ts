import type { INetworkModule, NetworkResponse } from "@azure/msal-node";

const MAX_TENANTS = 256;
const lastByTenant = new Map<string, string>();
/** One wrapper per inner client, so msal's client cache (keyed by network client identity) keeps working. */
const wrappers = new WeakMap<INetworkModule, INetworkModule>();

function tenantOf(url: string): string | undefined {
  try {
    return new URL(url).pathname.split("/")[1]?.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

function remember<T>(url: string, response: NetworkResponse<T>): NetworkResponse<T> {
  const tenant = tenantOf(url);
  if (tenant === undefined || response.status < 400) return response;
  const text = typeof response.body === "string" ? response.body : JSON.stringify(response.body ?? "");
  const aadsts = /AADSTS(\d+)/.exec(text)?.[1];
  if (aadsts === undefined) return response;
  if (lastByTenant.size >= MAX_TENANTS) lastByTenant.delete(lastByTenant.keys().next().value as string);
  lastByTenant.set(tenant, aadsts);
  return response;
}

/**
 * Wraps msal-node's network client so that an AADSTS error in a discovery or token response is remembered per
 * tenant: msal reports a failed authority discovery only as `endpoints_resolution_error`, and the remembered
 * AADSTS90002 is what tells "tenant not found" apart from "network down".
 */
export function captureAadsts(inner: INetworkModule): INetworkModule {
  let wrapped = wrappers.get(inner);
  if (!wrapped) {
    wrapped = {
      sendGetRequestAsync: async (url, options, timeout) =>
        remember(url, await inner.sendGetRequestAsync(url, options, timeout)),
      sendPostRequestAsync: async (url, options) =>
        remember(url, await inner.sendPostRequestAsync(url, options)),
    };
    wrappers.set(inner, wrapped);
  }
  return wrapped;
}

/** The AADSTS number last seen for a tenant's authority, taken once. */
export function takeAadsts(tenantId: string): string | undefined {
  const key = tenantId.toLowerCase();
  const value = lastByTenant.get(key);
  lastByTenant.delete(key);
  return value;
}
