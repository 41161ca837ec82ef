import type { ConnectionTestResult, ConnectorContext } from "@uslimato/core/connector";
import { testGraphConnection } from "@uslimato/msgraph";
import type { EntraConnectorOptions } from "../entra-connector-options";
import { openEntraGraph } from "../graph/open-entra-graph";
import type { EntraSecretName, EntraSettings } from "../settings/entra-settings";
import { describeFailure } from "./describe-failure";
import { missingPermissions } from "./required-roles";

/**
 * "Test connection": acquires a token, checks that it carries the permissions the scope needs, and reads one
 * user. Answers ok, or the step that failed with what the admin should do and Graph's request id.
 */
export async function testEntraConnection(
  ctx: ConnectorContext<EntraSettings, EntraSecretName>,
  options: EntraConnectorOptions,
): Promise<ConnectionTestResult> {
  return testGraphConnection({
    signal: ctx.signal,
    open: () => openEntraGraph(ctx, options),
    describeFailure,
    missingPermissions: (roles) => missingPermissions(roles, ctx.settings.scope),
    consentRemedy: "In the App Registration, under API permissions, click Grant admin consent",
    read: async (session) => {
      const response = await session.graph.get("/users?$top=1&$select=id", { signal: ctx.signal });
      return { message: "Read one user", requestId: response.requestId };
    },
  });
}
