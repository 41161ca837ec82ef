import type { ConnectorContext } from "@uslimato/core/connector";
import { type GraphSession, openGraphSession } from "@uslimato/msgraph";
import type { EntraConnectorOptions } from "../entra-connector-options";
import type { EntraSecretName, EntraSettings } from "../settings/entra-settings";

/** An integration's token provider and Graph client. */
export type EntraGraph = GraphSession;

/**
 * Builds the token provider and the Graph client for one Entra integration (see `openGraphSession` in
 * `@uslimato/msgraph`).
 */
export function openEntraGraph(
  ctx: ConnectorContext<EntraSettings, EntraSecretName>,
  options: EntraConnectorOptions,
): EntraGraph {
  return openGraphSession(ctx, options);
}
