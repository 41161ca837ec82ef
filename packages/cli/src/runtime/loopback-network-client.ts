import type { EntraConnectorOptions } from "@uslimato/connector-entra";

/** msal-node's `INetworkModule`, as the Entra connector takes it. */
export type MsalNetworkClient = NonNullable<EntraConnectorOptions["networkClient"]>;

type RequestOptions = { headers?: Record<string, string>; body?: string };

const TIMEOUT_MS = 30_000;

/**
 * msal-node's network client for ONE integration whose authority is a plain-http loopback address (a local Graph
 * simulator). msal-node only speaks https, so it calls `https://<that host:port>/...`; this client sends exactly
 * those requests over http to the same host and port, and refuses every other host without sending anything:
 * it never rewrites a Microsoft authority, so it cannot carry another tenant's token request to the loopback port.
 */
export function createLoopbackNetworkClient(authority: URL): MsalNetworkClient {
  const route = (url: string): string => {
    const parsed = new URL(url);
    if (parsed.host !== authority.host)
      throw new Error(
        `refused: this integration's msal requests go only to ${authority.host}, not to ${parsed.host}`,
      );
    parsed.protocol = authority.protocol;
    return parsed.href;
  };
  const send = async <T>(method: "GET" | "POST", url: string, options?: RequestOptions, timeout?: number) => {
    const target = route(url);
    const response = await fetch(target, {
      method,
      // msal asked for https: the simulator builds its metadata URLs from this header.
      headers: { ...(options?.headers ?? {}), "x-forwarded-proto": "https" },
      ...(method === "POST" && options?.body !== undefined ? { body: options.body } : {}),
      signal: AbortSignal.timeout(timeout ?? TIMEOUT_MS),
    });
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
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => send("GET", url, options, timeout),
    sendPostRequestAsync: (url, options) => send("POST", url, options),
  };
}
