import { diagnosisOf, type ServiceDiagnosis } from "@uslimato/core/connector";
import { describeAuthFailure, GraphAuthError, GraphError } from "@uslimato/msgraph";

/** A failure of a connection test step, in words for an admin, with the service's own diagnosis. */
export interface IntuneFailure {
  code: string;
  message: string;
  remedy: string;
  /** Graph's `request-id`. */
  requestId?: string;
  diagnosis?: ServiceDiagnosis;
}

/** Whether Graph answered that the tenant has no Intune licence (`400 Request not applicable to target tenant.`). */
function isNotLicensed(error: unknown): boolean {
  return (
    error instanceof GraphError &&
    error.status === 400 &&
    /not applicable to target tenant/i.test(diagnosisOf(error)?.message ?? error.message)
  );
}

/** Explains why a connection test step failed, from the typed error it raised. */
export function describeIntuneFailure(error: unknown): IntuneFailure {
  const diagnosis = diagnosisOf(error);
  const described = describe(error);
  return diagnosis ? { ...described, diagnosis } : described;
}

function describe(error: unknown): IntuneFailure {
  if (error instanceof GraphAuthError) return describeAuthFailure(error);
  if (error instanceof GraphError) {
    const requestId = error.requestId ? { requestId: error.requestId } : {};
    const activity = error.activityId ? ` (Intune activity id ${error.activityId})` : "";
    if (isNotLicensed(error))
      return {
        code: "INTUNE_NOT_LICENSED",
        message:
          "The tenant has no Intune licence: Graph answered 400 Request not applicable to target tenant",
        remedy:
          "Assign a Microsoft Intune licence (e.g. Microsoft 365 E3/E5, EMS or Intune Plan 1) in the tenant, then test again",
        ...requestId,
      };
    if (error.status === 403)
      return {
        code: "INSUFFICIENT_PERMISSION",
        message: `Intune denied access${activity}`,
        remedy:
          "Add the application permission DeviceManagementManagedDevices.Read.All (Microsoft Graph) and click Grant admin consent",
        ...requestId,
      };
    if (error.status === 401)
      return {
        code: "TOKEN_REJECTED",
        message: `Microsoft Graph rejected the access token${activity}`,
        remedy:
          "Check that the tenant and cloud are right, and that DeviceManagementManagedDevices.Read.All is granted with admin consent",
        ...requestId,
      };
    if (error.code === "THROTTLED")
      return {
        code: "THROTTLED",
        message: `Intune throttled the request${activity}`,
        remedy: "Another app or integration may be using this app's Intune budget: try again in a minute",
        ...requestId,
      };
    return {
      code: error.code,
      message: error.message,
      remedy: "Try again later; if it persists, give Microsoft support the request id and activity id",
      ...requestId,
    };
  }
  return {
    code: "UNEXPECTED",
    message: error instanceof Error ? error.message : String(error),
    remedy: "Check the connector settings and try again",
  };
}
