import type { ConnectionTestResult, ConnectionTestStep, ConnectorContext } from "@uslimato/core/connector";
import { decodeTokenRoles, type GraphSession } from "@uslimato/msgraph";
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
  const steps: ConnectionTestStep[] = [];
  const fail = (step: string, error: unknown): ConnectionTestResult => {
    const failure = describeIntuneFailure(error);
    steps.push({
      name: step,
      ok: false,
      message: failure.message,
      ...(failure.diagnosis ? { diagnosis: failure.diagnosis } : {}),
    });
    return { ok: false, failedStep: step, steps, ...failure };
  };
  let session: GraphSession;
  let token: string;
  try {
    session = openIntuneGraph(ctx, options);
    token = (await session.tokens.getToken(ctx.signal)).token;
    steps.push({ name: "token", ok: true, message: "An access token was issued" });
  } catch (error) {
    return fail("token", error);
  }
  const roles = decodeTokenRoles(token);
  if (roles.length === 0) {
    steps.push({ name: "permissions", ok: false, message: "The token carries no application permissions" });
    return {
      ok: false,
      failedStep: "permissions",
      code: "CONSENT_MISSING",
      message: "Admin consent has not been granted: the token carries no application permissions",
      remedy:
        "In the App Registration, under API permissions, add DeviceManagementManagedDevices.Read.All and click Grant admin consent",
      steps,
    };
  }
  if (!DEVICE_READ_ROLES.some((role) => roles.includes(role))) {
    steps.push({
      name: "permissions",
      ok: false,
      message: "Missing: DeviceManagementManagedDevices.Read.All",
    });
    return {
      ok: false,
      failedStep: "permissions",
      code: "INSUFFICIENT_PERMISSION",
      message: "The app lacks the application permission DeviceManagementManagedDevices.Read.All",
      remedy:
        "Add DeviceManagementManagedDevices.Read.All (Microsoft Graph, application permissions) and click Grant admin consent",
      steps,
    };
  }
  steps.push({ name: "permissions", ok: true, message: `Granted: ${roles.join(", ")}` });
  const warnings = optionalPermissions(ctx.settings)
    .filter((optional) => !optional.roles.some((role) => roles.includes(role)))
    .map(
      (optional) =>
        `${optional.enabled ? "Warning" : "Optional"}: ${optional.permission} is not granted; it is needed for ${optional.feature}${optional.enabled ? ", which is switched on and will fail" : ""}`,
    );
  for (const warning of warnings) steps.push({ name: "optional-permissions", ok: true, message: warning });
  try {
    const response = await session.graph.get("/deviceManagement/managedDevices?$top=1&$select=id", {
      signal: ctx.signal,
    });
    steps.push({ name: "read", ok: true, message: "Read one managed device" });
    const details: Record<string, string> = {};
    if (response.requestId) details.requestId = response.requestId;
    if (warnings.length > 0) details.warnings = warnings.join("\n");
    return { ok: true, steps, ...(Object.keys(details).length > 0 ? { details } : {}) };
  } catch (error) {
    return fail("read", error);
  }
}
