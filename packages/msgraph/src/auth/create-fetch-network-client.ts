import type { INetworkModule, NetworkResponse } from "@azure/msal-node";

async function send<T>(url: string, init: RequestInit, timeoutMs: number): Promise<NetworkResponse<T>> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === "" ? {} : JSON.parse(text);
  } catch {
    // msal reads JSON; a non-JSON body stays text so its AADSTS code can still be found.
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { headers, body: body as T, status: response.status };
}

/** msal-node's network client on the platform `fetch`, with a timeout on every call (default 30 s). */
export function createFetchNetworkClient(timeoutMs = 30_000): INetworkModule {
  return {
    sendGetRequestAsync: (url, options, timeout) =>
      send(
        url,
        { method: "GET", ...(options?.headers ? { headers: options.headers } : {}) },
        timeout ?? timeoutMs,
      ),
    sendPostRequestAsync: (url, options) =>
      send(
        url,
        {
          method: "POST",
          ...(options?.headers ? { headers: options.headers } : {}),
          ...(options?.body !== undefined ? { body: options.body } : {}),
        },
        timeoutMs,
      ),
  };
}
