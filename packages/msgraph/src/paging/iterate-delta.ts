import type { GraphClient } from "../client/graph-client";
import { DELTA_EXPIRED_GRAPH_CODES, DeltaExpiredError } from "../errors/delta-expired-error";
import { GraphError } from "../errors/graph-error";
import type { GraphPage } from "./graph-page";
import { type IterateGraphPagesOptions, iterateGraphPages } from "./iterate-graph-pages";

function isExpired(error: GraphError): boolean {
  if (error.status === 410) return true;
  const clientError = error.status !== undefined && error.status >= 400 && error.status < 500;
  return clientError && error.graphCode !== undefined && DELTA_EXPIRED_GRAPH_CODES.has(error.graphCode);
}

/**
 * Iterates a delta round (`/users/delta?...` or a stored deltaLink) until the page carrying the new
 * `deltaLink`. An expired or unknown delta token becomes a {@link DeltaExpiredError} (`DELTA_EXPIRED`), so the
 * connector can fall back to a full resync.
 *
 * @example
 * ```ts
 * let deltaLink: string | undefined;
 * for await (const page of iterateDelta(graph, stored ?? "/users/delta?$select=id,displayName")) {
 *   deltaLink = page.deltaLink ?? deltaLink;
 * }
 * ```
 */
export async function* iterateDelta<T = unknown>(
  client: GraphClient,
  url: string,
  options: IterateGraphPagesOptions = {},
): AsyncGenerator<GraphPage<T>, void, undefined> {
  try {
    yield* iterateGraphPages<T>(client, url, options);
  } catch (error) {
    if (error instanceof GraphError && isExpired(error)) {
      throw new DeltaExpiredError(
        `The delta token is no longer valid (${error.status}${error.graphCode ? ` ${error.graphCode}` : ""}): a full resync is required`,
        { status: error.status, graphCode: error.graphCode, requestId: error.requestId },
        { cause: error },
      );
    }
    throw error;
  }
}
