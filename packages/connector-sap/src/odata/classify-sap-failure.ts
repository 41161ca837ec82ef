import { diagnosisOf, HttpError, type ServiceDiagnosis } from "@uslimato/core/connector";
import { SapError, type SapErrorCode } from "./sap-error";

/** Where a failing call went, for the messages: the OData service and its communication scenario. */
export interface SapCallContext {
  /** Technical service name, e.g. `API_EQUIPMENT`. */
  service: string;
  /** The communication scenario that grants it, e.g. `SAP_COM_0395`, when known. */
  scenario?: string;
}

const QUERY_OPTION = /\$(filter|orderby|select|expand|top|skip|skiptoken|inlinecount|count|format|search)\b/i;

function rejectedOption(message: string | undefined, code: string): string {
  const named = message ? QUERY_OPTION.exec(message)?.[0] : undefined;
  if (named) return named;
  if (code.endsWith("/022") || code.includes("CM_V4_RUNTIME")) return "$filter";
  if (code.endsWith("/021")) return "$select or $orderby";
  return "a query option";
}

/**
 * Turns a failed call into a {@link SapError} with a stable code and a remedy, classified by SAP's error code
 * first (an inactive v2 service answers 403 `/IWFND/MED/170`, a missing scenario 403 `/IWFND/CM_CONSUMER/101`):
 * `SAP_LOGON_FAILED`, `SAP_CLIENT_INVALID`, `SAP_NOT_AUTHORIZED`, `SAP_SERVICE_NOT_FOUND`, `SAP_QUERY_REJECTED`,
 * `SAP_THROTTLED`, `SAP_UNAVAILABLE`, `SAP_TIMEOUT`, `SAP_NETWORK`. A {@link SapError} passes through.
 */
export function classifySapFailure(error: unknown, call: SapCallContext): SapError {
  if (error instanceof SapError) return error;
  const diagnosis: ServiceDiagnosis = { service: "sap", ...diagnosisOf(error) };
  const make = (code: SapErrorCode, message: string, remedy: string) =>
    new SapError(code, message, { remedy, cause: error, diagnosis, service: call.service });
  if (!(error instanceof HttpError)) {
    const message = error instanceof Error ? error.message : String(error);
    return make(
      "SAP_REQUEST_FAILED",
      `SAP call to ${call.service} failed: ${message}`,
      "Try again; if it persists, check the connector's settings",
    );
  }
  if (error.code === "HTTP_TIMEOUT")
    return make(
      "SAP_TIMEOUT",
      `SAP did not answer ${call.service} in time`,
      "Check that the system is up and not overloaded; lower the page size or raise the timeout",
    );
  if (error.code === "HTTP_NETWORK")
    return make(
      "SAP_NETWORK",
      `SAP could not be reached for ${call.service}`,
      "Check the base URL, DNS, firewall and TLS settings (and the client certificate, if one is used)",
    );
  if (error.code === "HTTP_INVALID_RESPONSE")
    return make(
      "SAP_RESPONSE_INVALID",
      `${call.service} answered with a body that is not OData JSON`,
      "Check that the base URL points at the OData service and not at a proxy's page",
    );
  const code = error.serviceCode ?? "";
  const status = error.status ?? 0;
  const scenario = call.scenario ? ` (communication scenario ${call.scenario})` : "";
  if (status === 401) {
    if (/client\s+\S*\s*is not available|client .* does not exist/i.test(diagnosis.message ?? ""))
      return make(
        "SAP_CLIENT_INVALID",
        `SAP refused the client: ${diagnosis.message}`,
        "Set sapClient to the client of the communication arrangement (three digits, e.g. 100)",
      );
    return make(
      "SAP_LOGON_FAILED",
      `SAP refused the logon${diagnosis.message ? `: ${diagnosis.message}` : ""}`,
      "Check the communication user and password (or the OAuth client, token or client certificate) of the communication system",
    );
  }
  if (
    code === "/IWFND/MED/170" ||
    code === "/IWBEP/CM_V4_COS/014" ||
    (status === 404 && !code.includes("CM_MGW_RT"))
  )
    return make(
      "SAP_SERVICE_NOT_FOUND",
      `The OData service ${call.service} is not active or not published${code ? ` (${code})` : ""}`,
      `Activate ${call.service} in /IWFND/MAINT_SERVICE (v2) or publish its service group in /IWFND/V4_ADMIN (v4), or check the service path`,
    );
  if (code.startsWith("/IWFND/CM_CONSUMER") || status === 403)
    return make(
      "SAP_NOT_AUTHORIZED",
      `The communication user may not call ${call.service}${scenario}${code ? ` (${code})` : ""}`,
      `Add the communication scenario${call.scenario ? ` ${call.scenario}` : ` that contains ${call.service}`} to the communication arrangement of this communication system`,
    );
  if (status === 400 || code.startsWith("/IWBEP/")) {
    const option = rejectedOption(diagnosis.message, code);
    return make(
      "SAP_QUERY_REJECTED",
      `${call.service} rejected ${option}${code ? ` (${code})` : ""}: ${diagnosis.message ?? "bad request"}`,
      `Check the field names configured for ${call.service} (the service's $metadata lists them) and that the service supports ${option}`,
    );
  }
  if (status === 429)
    return make(
      "SAP_THROTTLED",
      `SAP (or the API management in front of it) throttled ${call.service}`,
      "Sync less often or with larger pages, or raise the quota in API management",
    );
  if (status >= 500)
    return make(
      "SAP_UNAVAILABLE",
      `SAP answered ${status} for ${call.service}${code ? ` (${code})` : ""}`,
      "The system or a gateway in front of it is unavailable; try again later and give the SAP team the transaction id",
    );
  return make(
    "SAP_REQUEST_FAILED",
    `SAP answered ${status} for ${call.service}${code ? ` (${code})` : ""}`,
    "Give the SAP team the transaction id and the error code",
  );
}
