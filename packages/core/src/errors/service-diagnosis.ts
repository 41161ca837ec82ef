import { redactKnownSecrets } from "../secrets/redact-known-secrets";

/**
 * The service a {@link ServiceDiagnosis} comes from: Entra's token endpoint, Microsoft Graph, SAP, or another
 * connector's service by name.
 */
export type DiagnosedService = "entra-token" | "graph" | "intune" | "sap" | (string & {});

/**
 * What the external service itself said about a failure, field by field, exactly as it said it: what an admin
 * or a support engineer quotes to the vendor. Never holds a secret, a token or a header value other than the ids
 * below. Connectors fill what their service gives; every field but `service` is optional.
 *
 * @example
 * ```ts
 * const diagnosis: ServiceDiagnosis = {
 *   service: "entra-token", httpStatus: 401, errorCode: "invalid_client", serviceCode: "AADSTS7000215",
 *   traceId: "0a1b...", correlationId: "9f8e...",
 * };
 * ```
 */
export interface ServiceDiagnosis {
  service: DiagnosedService;
  /** The HTTP status the service answered with. */
  httpStatus?: number;
  /**
   * The service's error code: Graph's `error.code` (e.g. `Authorization_RequestDenied`), the OAuth `error` of the
   * token endpoint (e.g. `invalid_client`), SAP's `error.code`.
   */
  errorCode?: string;
  /** The service's numbered code, e.g. Entra's `AADSTS7000215`. */
  serviceCode?: string;
  /** Entra's trace id (`trace_id`, `x-ms-request-id` of the token endpoint). */
  traceId?: string;
  /** Entra's correlation id (`correlation_id`). */
  correlationId?: string;
  /** Graph's `request-id` (or `innerError.requestId`), an HTTP service's request id. */
  requestId?: string;
  /** The `client-request-id` the service echoed. */
  clientRequestId?: string;
  /** When the service says the failure happened (Graph's `innerError.date`, Entra's `timestamp`), as given. */
  date?: string;
  /** The service's own message, secret values scrubbed. */
  message?: string;
  /** Intune's `Activity ID` (from the message Graph relays from an Intune front end), for Microsoft support. */
  activityId?: string;
  /** SAP's transaction id (`sap-transaction-id` / `transactionid`). */
  transactionId?: string;
  /** SAP's `sap-message` header, as given. */
  sapMessage?: string;
}

const STRING_FIELDS = [
  "errorCode",
  "serviceCode",
  "traceId",
  "correlationId",
  "requestId",
  "clientRequestId",
  "date",
  "message",
  "activityId",
  "transactionId",
  "sapMessage",
] as const;

/** Longest text kept per field: a diagnosis is for quoting, not for carrying a body. */
const MAX_FIELD = 1000;

/**
 * A clean copy of a diagnosis: only the known fields, non-empty strings cut to 1,000 characters, the status an
 * integer, and the given secret values scrubbed from every text. `undefined` when nothing but the service is
 * left.
 */
export function cleanServiceDiagnosis(
  diagnosis: ServiceDiagnosis | undefined,
  secrets: ReadonlyArray<string> = [],
): ServiceDiagnosis | undefined {
  if (diagnosis === undefined || typeof diagnosis.service !== "string") return undefined;
  const out: ServiceDiagnosis = { service: diagnosis.service };
  let facts = 0;
  if (Number.isInteger(diagnosis.httpStatus)) {
    out.httpStatus = diagnosis.httpStatus as number;
    facts++;
  }
  for (const name of STRING_FIELDS) {
    const value = diagnosis[name];
    if (typeof value !== "string" || value.trim() === "") continue;
    out[name] = redactKnownSecrets(value, secrets).slice(0, MAX_FIELD);
    facts++;
  }
  return facts === 0 ? undefined : out;
}

/**
 * The diagnosis an error carries, on itself or on one of its causes (nearest first); `undefined` when none does.
 */
export function diagnosisOf(error: unknown): ServiceDiagnosis | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === "object" && current !== null; depth++) {
    const found = (current as { diagnosis?: unknown }).diagnosis;
    if (
      typeof found === "object" &&
      found !== null &&
      typeof (found as ServiceDiagnosis).service === "string"
    )
      return found as ServiceDiagnosis;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A diagnosis as flat fields for an audit entry's details (`diagnosisService`, `httpStatus`, `serviceCode`...),
 * since audit details hold only scalar values.
 */
export function diagnosisAuditDetails(
  diagnosis: ServiceDiagnosis | undefined,
): Record<string, string | number> {
  if (diagnosis === undefined) return {};
  const details: Record<string, string | number> = { diagnosisService: diagnosis.service };
  if (diagnosis.httpStatus !== undefined) details["httpStatus"] = diagnosis.httpStatus;
  for (const name of STRING_FIELDS) {
    const value = diagnosis[name];
    if (value !== undefined && name !== "message") details[name] = value;
  }
  return details;
}
