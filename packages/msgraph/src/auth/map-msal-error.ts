import { redactKnownSecrets } from "@uslimato/core/connector";
import {
  GraphAuthError,
  type GraphAuthErrorCode,
  type GraphAuthErrorFields,
} from "../errors/graph-auth-error";
import type { TokenFailure } from "./token-failure";

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
  ["90033", "AUTH_UNAVAILABLE", "Entra reported a transient error; try again later"],
  ["90055", "AUTH_UNAVAILABLE", "Entra throttled the token requests of this tenant; try again later"],
];

function field(error: unknown, name: string): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const value = (error as Record<string, unknown>)[name];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function facts(error: unknown, seen: TokenFailure | undefined, secrets: ReadonlyArray<string>) {
  const text = `${field(error, "errorMessage") ?? ""} ${field(error, "message") ?? ""}`;
  const status = Number(field(error, "status"));
  const msalCode = field(error, "errorCode");
  const oauthError =
    msalCode && /^[a-z_]+$/.test(msalCode) && !msalCode.includes("network") && !msalCode.includes("endpoints")
      ? msalCode
      : undefined;
  const description = seen?.description ?? /Description: ([\s\S]*?)(?: - Correlation ID:|$)/.exec(text)?.[1];
  const fields: GraphAuthErrorFields = {};
  const set = <K extends keyof GraphAuthErrorFields>(key: K, value: GraphAuthErrorFields[K] | undefined) => {
    if (value !== undefined && value !== "") fields[key] = value;
  };
  set("aadsts", field(error, "errorNo") ?? /AADSTS(\d+)/.exec(text)?.[1] ?? seen?.aadsts);
  set("traceId", seen?.traceId ?? /Trace ID: ([0-9a-fA-F-]+)/.exec(text)?.[1]);
  set(
    "correlationId",
    seen?.correlationId ?? field(error, "correlationId") ?? /Correlation ID: ([0-9a-fA-F-]+)/.exec(text)?.[1],
  );
  set("httpStatus", seen?.httpStatus ?? (Number.isInteger(status) && status > 0 ? status : undefined));
  set("oauthError", seen?.error ?? oauthError);
  set("timestamp", seen?.timestamp ?? /Timestamp: ([0-9][0-9:\- TZ.]+[0-9Z])/.exec(text)?.[1]?.trim());
  set("description", description ? redactKnownSecrets(description.trim(), secrets) : undefined);
  return { fields, msalCode };
}

/**
 * Maps an error from msal-node (a `ServerError` with "AADSTSnnnn: ..." text, a network failure...) to a
 * {@link GraphAuthError} whose fields and `diagnosis` hold Entra's own answer: HTTP status, OAuth `error`,
 * AADSTS number, trace and correlation ids, timestamp. `secrets` are scrubbed from every text. `seen` is what
 * the network client read from the failed answer itself (msal hides it behind `endpoints_resolution_error` when
 * authority discovery fails, and never keeps the trace id as a field).
 */
export function mapMsalError(
  error: unknown,
  secrets: ReadonlyArray<string> = [],
  seen?: TokenFailure,
): GraphAuthError {
  if (error instanceof GraphAuthError) return error;
  const { fields, msalCode } = facts(error, seen, secrets);
  const known = AADSTS_CODES.find(([number]) => number === fields.aadsts);
  const ids = [
    fields.aadsts && `AADSTS${fields.aadsts}`,
    fields.httpStatus !== undefined && `HTTP ${fields.httpStatus}`,
    fields.traceId && `trace id ${fields.traceId}`,
    fields.correlationId && `correlation id ${fields.correlationId}`,
  ]
    .filter(Boolean)
    .join(", ");
  const suffix = ids === "" ? "" : ` (${ids})`;
  const options = { cause: error, secrets };
  if (known) return new GraphAuthError(known[1], `${known[2]}${suffix}`, fields, options);
  const status = fields.httpStatus;
  if (status !== undefined && (status === 429 || status >= 500)) {
    return new GraphAuthError(
      "AUTH_UNAVAILABLE",
      `The token endpoint answered ${status} after retries${suffix}`,
      fields,
      options,
    );
  }
  if (msalCode === "network_error" || msalCode === "endpoints_resolution_error") {
    return new GraphAuthError(
      "AUTH_NETWORK",
      `Could not reach the token endpoint (${msalCode})${suffix}`,
      fields,
      options,
    );
  }
  const what = msalCode ?? (error instanceof Error ? error.name : "unknown error");
  return new GraphAuthError("AUTH_FAILED", `Token request failed: ${what}${suffix}`, fields, options);
}
