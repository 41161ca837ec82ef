/** Response shape of msal's `INetworkModule` (structural: msal-node is not imported). */
export interface SimulatorNetworkResponse<T> {
  headers: Record<string, string>;
  body: T;
  status: number;
}

/** msal-node's `system.networkClient` contract (`INetworkModule`), implemented structurally. */
export interface SimulatorNetworkClient {
  sendGetRequestAsync<T>(
    url: string,
    options?: { headers?: Record<string, string>; body?: string },
    timeout?: number,
  ): Promise<SimulatorNetworkResponse<T>>;
  sendPostRequestAsync<T>(
    url: string,
    options?: { headers?: Record<string, string>; body?: string },
  ): Promise<SimulatorNetworkResponse<T>>;
}

const ENTRA_HOSTS = [
  "login.microsoftonline.com",
  "login.microsoft.com",
  "login.windows.net",
  "login.microsoftonline.us",
  "login.chinacloudapi.cn",
];

/**
 * An msal-node `networkClient` that sends Entra requests to the simulator: `https://login.microsoftonline.com/...`
 * and `https://<simulator host>/...` (msal only accepts https authorities) both go to `sim.url` over http.
 * Pass it as `system.networkClient` of a `ConfidentialClientApplication` you build yourself. `@uslimato/msgraph`'s
 * token provider needs none (it reaches a loopback authority by itself) and refuses this one for an integration
 * whose authority is Microsoft's, since it redirects Microsoft's hosts.
 */
export function createSimulatorNetworkClient(sim: { url: string }): SimulatorNetworkClient {
  const target = new URL(sim.url);
  function rewrite(url: string): { url: string; https: boolean } {
    const parsed = new URL(url);
    if (ENTRA_HOSTS.includes(parsed.hostname) || parsed.host === target.host) {
      const https = parsed.protocol === "https:";
      parsed.protocol = target.protocol;
      parsed.host = target.host;
      return { url: parsed.href, https };
    }
    return { url, https: parsed.protocol === "https:" };
  }
  async function send<T>(
    method: "GET" | "POST",
    url: string,
    options?: { headers?: Record<string, string>; body?: string },
    timeout?: number,
  ): Promise<SimulatorNetworkResponse<T>> {
    const to = rewrite(url);
    const headers: Record<string, string> = { ...(options?.headers ?? {}) };
    if (to.https && target.protocol === "http:") headers["x-forwarded-proto"] = "https";
    const response = await fetch(to.url, {
      method,
      headers,
      ...(method === "POST" && options?.body !== undefined ? { body: options.body } : {}),
      ...(timeout ? { signal: AbortSignal.timeout(timeout) } : {}),
    });
    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    return {
      headers: responseHeaders,
      body: (text === "" ? {} : JSON.parse(text)) as T,
      status: response.status,
    };
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send("GET", url, options, timeout),
    sendPostRequestAsync: (url, options) => send("POST", url, options),
  };
}
