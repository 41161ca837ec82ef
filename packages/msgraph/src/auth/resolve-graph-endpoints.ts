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

/** Resolves a cloud name or an explicit endpoint override into checked endpoints. */
export function resolveGraphEndpoints(
  cloud: GraphCloudName | GraphEndpoints = "global",
): ResolvedGraphEndpoints {
  const endpoints: GraphEndpoints = typeof cloud === "string" ? GRAPH_CLOUDS[cloud] : cloud;
  if (endpoints === undefined)
    throw new GraphError("INVALID_ENDPOINT", `Unknown Graph cloud "${String(cloud)}"`);
  const authorityHost = checkEndpointUrl(endpoints.authorityHost, "authorityHost");
  const graph = checkEndpointUrl(endpoints.graphBaseUrl, "graphBaseUrl");
  const graphBaseUrl = graph.href.replace(/\/+$/, "");
  const scope = endpoints.scope ?? `${graph.origin}/.default`;
  return { authorityHost, graphBaseUrl, scope };
}
