import { diagnosisOf, type ServiceDiagnosis } from "@uslimato/core/connector";
import { describeAuthFailure, GraphAuthError, GraphError } from "@uslimato/msgraph";

/** A failure of a connection test step, in words for an admin, with the service's own diagnosis. */
export interface FailureDescription {
  code: string;
  message: string;
  remedy: string;
  /** Graph's `request-id` (never the token endpoint's trace id: that is `diagnosis.traceId`). */
  requestId?: string;
  diagnosis?: ServiceDiagnosis;
}

/** Explains why a connection test step failed, from the typed error it raised. */
export function describeFailure(error: unknown): FailureDescription {
  const diagnosis = diagnosisOf(error);
  return diagnosis ? { ...describe(error), diagnosis } : describe(error);
}

function describe(error: unknown): FailureDescription {
  if (error instanceof GraphAuthError) return describeAuthFailure(error);
  if (error instanceof GraphError) {
    const requestId = error.requestId ? { requestId: error.requestId } : {};
    if (error.status === 403) {
      return {
        code: "INSUFFICIENT_PERMISSION",
        message: `Microsoft Graph denied access (${error.graphCode ?? "403"})`,
        remedy:
          "Add the application permission User.Read.All (and Group.Read.All for users and groups) and click Grant admin consent",
        ...requestId,
      };
    }
    if (error.status === 401) {
      return {
        code: "TOKEN_REJECTED",
        message: "Microsoft Graph rejected the access token",
        remedy: "Check that the tenant and cloud are right",
        ...requestId,
      };
    }
    return {
      code: error.code,
      message: error.message,
      remedy: "Try again later; if it persists, give Microsoft support the request id",
      ...requestId,
    };
  }
  return {
    code: "UNEXPECTED",
    message: error instanceof Error ? error.message : String(error),
    remedy: "Check the connector settings and try again",
  };
}
