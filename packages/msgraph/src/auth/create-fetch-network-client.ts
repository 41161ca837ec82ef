import type { INetworkModule, NetworkResponse } from "@azure/msal-node";
import { GraphAuthError } from "../errors/graph-auth-error";
import { isMicrosoftAuthority } from "./microsoft-authority-hosts";
import { checkEndpointUrl } from "./resolve-graph-endpoints";

/** Sends the requests for one origin to another base URL (a proxy, a gateway, a local simulator). */
export interface NetworkRoute {
  /** The origin msal asks for, e.g. `https://login.microsoftonline.com`. */
  from: string;
  /** Where its requests go instead: `https:`, or plain `http:` on loopback. A path is prepended. */
  to: string;
}

/** Options of {@link createFetchNetworkClient}. */
export interface FetchNetworkClientOptions {
  /** Timeout of one request (discovery or token). Default 30 s. */
  timeoutMs?: number;
  /** A fetch implementation (e.g. undici's `fetch`). Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /**
   * An undici `Dispatcher` handed to every fetch as `dispatcher`, e.g. `new ProxyAgent("http://proxy:3128")` to
   * reach the authority through an outbound proxy. Hosts and paths stay as they are.
   */
  dispatcher?: object;
  /**
   * Origins whose requests go to another base URL. A route from one of Microsoft's authorities (see
   * `MICROSOFT_AUTHORITY_HOSTS`) is refused unless {@link FetchNetworkClientOptions.routeMicrosoftAuthority}
   * says the host means it: a redirected Microsoft authority sends a tenant's client secret elsewhere.
   */
  routes?: ReadonlyArray<NetworkRoute>;
  /** Allow `routes` from Microsoft's own authorities (a reverse proxy in front of login.microsoftonline.com). */
  routeMicrosoftAuthority?: boolean;
}

const ROUTES_MICROSOFT = Symbol.for("@uslimato/msgraph/routes-microsoft-authority");

/** A network client built by {@link createFetchNetworkClient}: it says whether it redirects Microsoft's hosts. */
export interface FetchNetworkClient extends INetworkModule {
  readonly [ROUTES_MICROSOFT]: boolean;
}

/** Whether a network client may be trusted with a Microsoft authority: one of ours, or not redirecting. */
export function routesMicrosoftAuthority(client: INetworkModule): boolean | undefined {
  const flag = (client as Partial<FetchNetworkClient>)[ROUTES_MICROSOFT];
  return typeof flag === "boolean" ? flag : undefined;
}

interface CompiledRoute {
  from: string;
  to: URL;
  downgrade: boolean;
}

function compileRoutes(options: FetchNetworkClientOptions): CompiledRoute[] {
  return (options.routes ?? []).map((route) => {
    let from: URL;
    try {
      from = new URL(route.from);
    } catch (cause) {
      throw new GraphAuthError(
        "INVALID_ENDPOINT",
        "A network route's `from` is not a valid URL",
        {},
        { cause },
      );
    }
    if (from.pathname !== "/" || from.search !== "")
      throw new GraphAuthError(
        "INVALID_ENDPOINT",
        `A network route's \`from\` must be an origin, got ${route.from}`,
      );
    if (isMicrosoftAuthority(from) && options.routeMicrosoftAuthority !== true) {
      throw new GraphAuthError(
        "INVALID_ENDPOINT",
        `Refusing to route Microsoft's authority ${from.host} elsewhere: set routeMicrosoftAuthority if this is your proxy`,
      );
    }
    const to = checkEndpointUrl(route.to, "network route target");
    return { from: from.origin, to, downgrade: from.protocol === "https:" && to.protocol === "http:" };
  });
}

function reroute(url: string, routes: ReadonlyArray<CompiledRoute>): { url: string; downgrade: boolean } {
  if (routes.length === 0) return { url, downgrade: false };
  const parsed = new URL(url);
  const route = routes.find((r) => r.from === parsed.origin);
  if (!route) return { url, downgrade: false };
  const prefix = route.to.pathname.replace(/\/+$/, "");
  return { url: `${route.to.origin}${prefix}${parsed.pathname}${parsed.search}`, downgrade: route.downgrade };
}

/**
 * msal-node's network client (`system.networkClient`) on `fetch`: a timeout on every call, an optional
 * undici `dispatcher` (outbound proxy) or fetch of the host's, and optional `routes` that send an origin's
 * requests to another base URL. A route from https to loopback http adds `x-forwarded-proto: https`, so a local
 * authority (the simulator) answers with https URLs as msal expects. Non-JSON bodies stay text, so an AADSTS
 * code in them can still be found.
 *
 * The token provider builds the right one from an integration's own endpoints; pass one only for a proxy.
 *
 * @example
 * ```ts
 * import { ProxyAgent } from "undici";
 * const networkClient = createFetchNetworkClient({ dispatcher: new ProxyAgent("http://proxy.corp:3128") });
 * const tokens = createGraphTokenProvider({ tenantId, credential, networkClient });
 * ```
 */
export function createFetchNetworkClient(options: FetchNetworkClientOptions = {}): FetchNetworkClient {
  const routes = compileRoutes(options);
  const timeoutMs = options.timeoutMs ?? 30_000;
  async function send<T>(
    method: "GET" | "POST",
    url: string,
    request: { headers?: Record<string, string>; body?: string } | undefined,
    timeout: number,
  ): Promise<NetworkResponse<T>> {
    const target = reroute(url, routes);
    const headers: Record<string, string> = { ...(request?.headers ?? {}) };
    if (target.downgrade) headers["x-forwarded-proto"] = "https";
    const init = {
      method,
      headers,
      signal: AbortSignal.timeout(timeout),
      ...(method === "POST" && request?.body !== undefined ? { body: request.body } : {}),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    };
    // `dispatcher` is undici's extension of RequestInit, which Node's fetch reads
    // globalThis.fetch is read per call, so an interceptor installed after this client was made (msw) still applies
    const response = await (options.fetch ?? globalThis.fetch)(target.url, init as RequestInit);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === "" ? {} : JSON.parse(text);
    } catch {
      // msal reads JSON; a non-JSON body stays text so its AADSTS code can still be found.
    }
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name.toLowerCase()] = value;
    });
    return { headers: responseHeaders, body: body as T, status: response.status };
  }
  return {
    [ROUTES_MICROSOFT]: routes.some((r) => isMicrosoftAuthority(new URL(r.from))),
    sendGetRequestAsync: (url, request, timeout) => send("GET", url, request, timeout ?? timeoutMs),
    sendPostRequestAsync: (url, request) => send("POST", url, request, timeoutMs),
  };
}
