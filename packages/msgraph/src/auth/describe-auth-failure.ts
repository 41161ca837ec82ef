import type { GraphAuthError } from "../errors/graph-auth-error";

/** A token failure in words for an admin: a stable code, what went wrong and what to do. */
export interface AuthFailureDescription {
  code: string;
  message: string;
  remedy: string;
}

const AUTH: Record<string, AuthFailureDescription> = {
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

/**
 * Explains a {@link GraphAuthError} (a failed token request) for an admin: the same codes, words and remedies for
 * every Microsoft connector; the AADSTS number, when Entra gave one, is appended to the message.
 *
 * @example
 * ```ts
 * if (error instanceof GraphAuthError) return { ok: false, failedStep: "token", ...describeAuthFailure(error), steps };
 * ```
 */
export function describeAuthFailure(error: GraphAuthError): AuthFailureDescription {
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
