import type { ConnectionTestResult, ConnectionTestStep, ServiceDiagnosis } from "@uslimato/core/connector";
import { decodeTokenRoles } from "../auth/decode-token-roles";
import type { GraphSession } from "../session/open-graph-session";

/** A failed connection test step in words for an admin: the connector's own description of the error. */
export interface GraphStepFailure {
  code: string;
  message: string;
  remedy: string;
  /** Graph's `request-id`. */
  requestId?: string;
  diagnosis?: ServiceDiagnosis;
}

/** What {@link testGraphConnection} needs from a Graph connector. */
export interface GraphConnectionTestOptions<Session extends GraphSession> {
  signal: AbortSignal;
  /** Opens the connector's Graph session (may throw: a failure of the `token` step). */
  open(): Session;
  /** Explains a failed step from the typed error it raised. */
  describeFailure(error: unknown): GraphStepFailure;
  /** The required application permissions the token's `roles` lack (empty when none). */
  missingPermissions(roles: ReadonlyArray<string>): string[];
  /** What to do when the token carries no application permissions at all (admin consent not granted). */
  consentRemedy: string;
  /** Notes on optional permissions the roles lack: `optional-permissions` steps, and `details.warnings`. */
  permissionNotes?(roles: ReadonlyArray<string>): string[];
  /** The cheap read that proves access; answers its step's message and Graph's request id. */
  read(session: Session): Promise<{ message: string; requestId?: string | undefined }>;
}

/**
 * A Graph connector's "test connection": acquires a token (step `token`), checks its application permissions
 * (`permissions`: `CONSENT_MISSING` when it carries none, `INSUFFICIENT_PERMISSION` naming the missing ones),
 * then makes one cheap read (`read`). Answers ok with Graph's request id, or the step that failed with the
 * connector's description of the error.
 */
export async function testGraphConnection<Session extends GraphSession>(
  options: GraphConnectionTestOptions<Session>,
): Promise<ConnectionTestResult> {
  const steps: ConnectionTestStep[] = [];
  const fail = (step: string, error: unknown): ConnectionTestResult => {
    const failure = options.describeFailure(error);
    steps.push({
      name: step,
      ok: false,
      message: failure.message,
      ...(failure.diagnosis ? { diagnosis: failure.diagnosis } : {}),
    });
    return { ok: false, failedStep: step, steps, ...failure };
  };
  let session: Session;
  let token: string;
  try {
    session = options.open();
    token = (await session.tokens.getToken(options.signal)).token;
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
      remedy: options.consentRemedy,
      steps,
    };
  }
  const missing = options.missingPermissions(roles);
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
  const warnings = options.permissionNotes?.(roles) ?? [];
  for (const warning of warnings) steps.push({ name: "optional-permissions", ok: true, message: warning });
  try {
    const response = await options.read(session);
    steps.push({ name: "read", ok: true, message: response.message });
    const details: Record<string, string> = {};
    if (response.requestId) details.requestId = response.requestId;
    if (warnings.length > 0) details.warnings = warnings.join("\n");
    return { ok: true, steps, ...(Object.keys(details).length > 0 ? { details } : {}) };
  } catch (error) {
    return fail("read", error);
  }
}
