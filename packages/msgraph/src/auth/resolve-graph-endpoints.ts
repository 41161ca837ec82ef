import { GraphError } from "../errors/graph-error";
import { GRAPH_CLOUDS, type GraphCloudName, type GraphEndpoints } from "./graph-clouds";

/** Endpoints after checking: URLs parsed, trailing slashes gone, the scope filled in. */
export interface ResolvedGraphEndpoints {
  authorityHost: URL;
  graphBaseUrl: string;
  scope: string;
}

/** Whether a URL's host is a loopback address (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Parses and checks a URL the SDK will send credentials or tokens to: `https:` anywhere, plain `http:` only to a
 * loopback address (the simulator, a local proxy). Throws a {@link GraphError} `INVALID_ENDPOINT` otherwise.
 */
export function checkEndpointUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new GraphError("INVALID_ENDPOINT", `${what} is not a valid URL`, {}, { cause });
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && isLoopbackUrl(url)) return url;
  throw new GraphError(
    "INVALID_ENDPOINT",
    `${what} must use https (plain http is allowed only to loopback addresses), got ${url.protocol}//${url.host}`,
  );
}

/**
 * The token scope for a Graph base URL that names none: `<origin>/.default` when the URL is the Graph of a
 * Microsoft cloud ({@link GRAPH_CLOUDS}); `undefined` for any other host (a proxy, the simulator), because the token
 * is for the Graph behind it, which its URL does not tell.
 */
export function defaultGraphScope(graphBaseUrl: URL): string | undefined {
  const known = Object.values(GRAPH_CLOUDS).some(
    (cloud) => new URL(cloud.graphBaseUrl).origin === graphBaseUrl.origin,
  );
  return known ? `${graphBaseUrl.origin}/.default` : undefined;
}

/**
 * Resolves a cloud name or an explicit endpoint override into checked endpoints. An override whose `graphBaseUrl`
 * is not a Microsoft cloud's Graph must name its `scope` (see {@link defaultGraphScope}).
 */
export function resolveGraphEndpoints(
  cloud: GraphCloudName | GraphEndpoints = "global",
): ResolvedGraphEndpoints {
  const endpoints: GraphEndpoints = typeof cloud === "string" ? GRAPH_CLOUDS[cloud] : cloud;
  if (endpoints === undefined)
    throw new GraphError("INVALID_ENDPOINT", `Unknown Graph cloud "${String(cloud)}"`);
  const authorityHost = checkEndpointUrl(endpoints.authorityHost, "authorityHost");
  const graph = checkEndpointUrl(endpoints.graphBaseUrl, "graphBaseUrl");
  const graphBaseUrl = graph.href.replace(/\/+$/, "");
  const scope = endpoints.scope ?? defaultGraphScope(graph);
  if (scope === undefined)
    throw new GraphError(
      "INVALID_ENDPOINT",
      `endpoints.scope is required: graphBaseUrl ${graph.origin} is not the Graph of a Microsoft cloud, so the ` +
        "token scope cannot be derived from it (for a proxy or the simulator it is usually " +
        "https://graph.microsoft.com/.default)",
      {},
      { path: ["scope"] },
    );
  return { authorityHost, graphBaseUrl, scope };
}
