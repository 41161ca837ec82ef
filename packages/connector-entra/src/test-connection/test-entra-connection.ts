import type { ConnectionTestResult, ConnectionTestStep, ConnectorContext } from "@uslimato/core/connector";
import { decodeTokenRoles } from "@uslimato/msgraph";
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
  const steps: ConnectionTestStep[] = [];
  const fail = (step: string, error: unknown): ConnectionTestResult => {
    const failure = describeFailure(error);
    steps.push({
      name: step,
      ok: false,
      message: failure.message,
      ...(failure.diagnosis ? { diagnosis: failure.diagnosis } : {}),
    });
    return { ok: false, failedStep: step, steps, ...failure };
  };
  let session: ReturnType<typeof openEntraGraph>;
  let token: string;
  try {
    session = openEntraGraph(ctx, options);
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
      remedy: "In the App Registration, under API permissions, click Grant admin consent",
      steps,
    };
  }
  const missing = missingPermissions(roles, ctx.settings.scope);
  if (missing.length > 0) {
    steps.push({ name: "permissions", ok: false, message: `Missing: ${missing.join(", ")}` });
    return {
      ok: false,
      failedStep: "permissions",
      code: "INSUFFICIENT_PERMISSION",
      message: `The app lacks the application permission ${missing.join(" and ")}`,
      remedy: `Add ${missing.join(" and ")} (Microsoft Graph, application permissions) and click Grant admin consent`,
      steps,
    };
  }
  steps.push({ name: "permissions", ok: true, message: `Granted: ${roles.join(", ")}` });

  try {
    const response = await session.graph.get("/users?$top=1&$select=id", { signal: ctx.signal });
    steps.push({ name: "read", ok: true, message: "Read one user" });
    return { ok: true, steps, ...(response.requestId ? { details: { requestId: response.requestId } } : {}) };
  } catch (error) {
    return fail("read", error);
  }
}
