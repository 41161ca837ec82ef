import { diagnosisOf, type ServiceDiagnosis } from "@uslimato/core/connector";
import { GraphAuthError, GraphError } from "@uslimato/msgraph";

/** A failure of a connection test step, in words for an admin, with the service's own diagnosis. */
export interface FailureDescription {
  code: string;
  message: string;
  remedy: string;
  /** Graph's `request-id` (never the token endpoint's trace id: that is `diagnosis.traceId`). */
  requestId?: string;
  diagnosis?: ServiceDiagnosis;
}

const AUTH: Record<string, { code: string; message: string; remedy: string }> = {
  TENANT_NOT_FOUND: {
    code: "TENANT_NOT_FOUND",
    message: "Microsoft Entra ID does not know this tenant",
    remedy:
      "Check the Directory (tenant) ID on the App Registration's Overview page (or use the tenant's verified domain)",
  },
  CLIENT_NOT_FOUND: {
    code: "CLIENT_NOT_FOUND",
    message: "No application with this client ID exists in the tenant",
    remedy:
      "Check the Application (client) ID on the App Registration's Overview page, and that the app is registered in this tenant",
  },
  INVALID_SECRET: {
    code: "INVALID_SECRET",
    message: "The client secret was rejected",
    remedy:
      "Under Certificates & secrets, create a new client secret and enter its Value (not its Secret ID)",
  },
  SECRET_EXPIRED: {
    code: "SECRET_EXPIRED",
    message: "The client secret has expired",
    remedy: "Under Certificates & secrets, create a new client secret and enter its Value",
  },
  SECRET_MISSING: {
    code: "SECRET_MISSING",
    message: "No client secret or certificate is configured",
    remedy: "Enter the client secret of the App Registration",
  },
  INVALID_CERTIFICATE: {
    code: "INVALID_CERTIFICATE",
    message: "The certificate was rejected",
    remedy:
      "Upload the certificate's public key under Certificates & secrets and check its SHA-256 thumbprint",
  },
};

/** Explains why a connection test step failed, from the typed error it raised. */
export function describeFailure(error: unknown): FailureDescription {
  const diagnosis = diagnosisOf(error);
  return diagnosis ? { ...describe(error), diagnosis } : describe(error);
}

function describe(error: unknown): FailureDescription {
  if (error instanceof GraphAuthError) {
    const known = AUTH[error.code];
    const said = error.aadsts ? ` (AADSTS${error.aadsts})` : "";
    if (known) return { ...known, message: `${known.message}${said}` };
    if (error.code === "AUTH_UNAVAILABLE" || error.code === "AUTH_NETWORK") {
      return {
        code: error.code,
        message: error.message,
        remedy:
          "The token endpoint could not be reached or was unavailable: check the network path to it and try again",
      };
    }
    return {
      code: error.code,
      message: error.message,
      remedy: "Check the tenant ID, client ID and secret, and that the authority is reachable",
    };
  }
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
