import type { ConnectorContext } from "@uslimato/core/connector";
import { type GraphSession, openGraphSession, resolveGraphEndpoints } from "@uslimato/msgraph";
import type { IntuneConnectorOptions } from "../intune-connector-options";
import type { IntuneSecretName, IntuneSettings } from "../settings/intune-settings";
import { sharedIntuneBudgets } from "../throttling/create-intune-budgets";
import { limitIntuneFetch } from "../throttling/limit-intune-fetch";

/** The budget key of an integration: Intune throttles per app and tenant, on one cloud. */
function budgetKeyOf(settings: IntuneSettings): string {
  const graph = resolveGraphEndpoints(settings.endpoints ?? settings.cloud).graphBaseUrl;
  return `${graph}|${settings.tenantId.toLowerCase()}|${settings.clientId.toLowerCase()}`;
}

/**
 * The Graph session of an Intune integration (`openGraphSession` from `@uslimato/msgraph`: the same auth, clouds
 * and retries as Entra's), with Intune requests drawn from the app's client-side budget.
 */
export function openIntuneGraph(
  ctx: ConnectorContext<IntuneSettings, IntuneSecretName>,
  options: IntuneConnectorOptions,
): GraphSession {
  const budgets = options.budgets ?? sharedIntuneBudgets;
  return openGraphSession(ctx, {
    ...options,
    fetch: limitIntuneFetch(budgets, budgetKeyOf(ctx.settings), options.retry, options.fetch),
  });
}
