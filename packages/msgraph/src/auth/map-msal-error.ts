import { GraphAuthError, type GraphAuthErrorCode } from "../errors/graph-auth-error";

const AADSTS_CODES: ReadonlyArray<readonly [string, GraphAuthErrorCode, string]> = [
  ["90002", "TENANT_NOT_FOUND", "The tenant was not found: check the tenant id and the cloud"],
  ["900023", "TENANT_NOT_FOUND", "The tenant id is not valid"],
  [
    "700016",
    "CLIENT_NOT_FOUND",
    "The application was not found in this tenant: check the client id, tenant and consent",
  ],
  ["7000215", "INVALID_SECRET", "The client secret is not valid: use the secret value, not its id"],
  ["7000222", "SECRET_EXPIRED", "The client secret has expired: create a new one in the app registration"],
  ["7000218", "SECRET_MISSING", "No client secret or certificate was sent"],
  ["700022", "INVALID_SCOPE", "The requested scope is not valid"],
  ["700023", "INVALID_SCOPE", "The requested scope is not valid"],
  ["70011", "INVALID_SCOPE", "The requested scope is not valid"],
  ["700027", "INVALID_CERTIFICATE", "The client certificate was not accepted: check the thumbprint and key"],
  ["700024", "INVALID_CERTIFICATE", "The client assertion is not within its valid time range"],
];

function field(error: unknown, name: string): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Maps an error from msal-node (a `ServerError` with "AADSTSnnnn: ..." text, a network failure...) to a
 * {@link GraphAuthError}. `secrets` are scrubbed from the message; only the AADSTS number and ids are kept.
 * `seenAadsts` is the AADSTS number the network client saw for this tenant (msal hides it behind
 * `endpoints_resolution_error` when authority discovery fails).
 */
export function mapMsalError(
  error: unknown,
  secrets: ReadonlyArray<string> = [],
  seenAadsts?: string,
): GraphAuthError {
  if (error instanceof GraphAuthError) return error;
  const text = `${field(error, "errorMessage") ?? ""} ${field(error, "message") ?? ""}`;
  const aadsts = field(error, "errorNo") ?? /AADSTS(\d+)/.exec(text)?.[1] ?? seenAadsts;
  const traceId = /Trace ID: ([0-9a-fA-F-]+)/.exec(text)?.[1];
  const correlationId = field(error, "correlationId") ?? /Correlation ID: ([0-9a-fA-F-]+)/.exec(text)?.[1];
  const fields = { aadsts, traceId, correlationId };
  const known = AADSTS_CODES.find(([number]) => number === aadsts);
  const ids = [
    aadsts && `AADSTS${aadsts}`,
    traceId && `trace id ${traceId}`,
    correlationId && `correlation id ${correlationId}`,
  ]
    .filter(Boolean)
    .join(", ");
  const suffix = ids === "" ? "" : ` (${ids})`;
  if (known) return new GraphAuthError(known[1], `${known[2]}${suffix}`, fields, { cause: error, secrets });
  const msalCode = field(error, "errorCode");
  if (msalCode === "network_error" || msalCode === "endpoints_resolution_error") {
    return new GraphAuthError("AUTH_NETWORK", `Could not reach the token endpoint (${msalCode})`, fields, {
      cause: error,
      secrets,
    });
  }
  const what = msalCode ?? (error instanceof Error ? error.name : "unknown error");
  return new GraphAuthError("AUTH_FAILED", `Token request failed: ${what}${suffix}`, fields, {
    cause: error,
    secrets,
  });
}
