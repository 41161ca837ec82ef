import type { ConnectionTestResult, ConnectorContext } from "@uslimato/core/connector";
import { testGraphConnection } from "@uslimato/msgraph";
import { openIntuneGraph } from "../graph/open-intune-graph";
import type { IntuneConnectorOptions } from "../intune-connector-options";
import type { IntuneSecretName, IntuneSettings } from "../settings/intune-settings";
import { describeIntuneFailure } from "./describe-intune-failure";
import { DEVICE_READ_ROLES, optionalPermissions } from "./intune-permissions";

/**
 * "Test connection": acquires a token, checks its roles (`DeviceManagementManagedDevices.Read.All`; optional
 * permissions missing are warnings), and reads one managed device. Answers ok, or the step that failed with a
 * stable code (`INTUNE_NOT_LICENSED`, `CONSENT_MISSING`, `INSUFFICIENT_PERMISSION`, the Entra token codes), what
 * to do, Graph's request id and Intune's activity id.
 */
export async function testIntuneConnection(
  ctx: ConnectorContext<IntuneSettings, IntuneSecretName>,
  options: IntuneConnectorOptions,
): Promise<ConnectionTestResult> {
  return testGraphConnection({
    signal: ctx.signal,
    open: () => openIntuneGraph(ctx, options),
    describeFailure: describeIntuneFailure,
    missingPermissions: (roles) =>
      DEVICE_READ_ROLES.some((role) => roles.includes(role))
        ? []
        : ["DeviceManagementManagedDevices.Read.All"],
    consentRemedy:
      "In the App Registration, under API permissions, add DeviceManagementManagedDevices.Read.All and click Grant admin consent",
    permissionNotes: (roles) =>
      optionalPermissions(ctx.settings)
        .filter((optional) => !optional.roles.some((role) => roles.includes(role)))
        .map(
          (optional) =>
            `${optional.enabled ? "Warning" : "Optional"}: ${optional.permission} is not granted; it is needed for ${optional.feature}${optional.enabled ? ", which is switched on and will fail" : ""}`,
        ),
    read: async (session) => {
      const response = await session.graph.get("/deviceManagement/managedDevices?$top=1&$select=id", {
        signal: ctx.signal,
      });
      return { message: "Read one managed device", requestId: response.requestId };
    },
  });
}
