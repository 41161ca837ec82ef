import { type ServiceDiagnosis, UslimatoError } from "@uslimato/core/connector";

/** The SAP connector's stable error codes. */
export const SAP_ERROR_CODES = [
  "SAP_LOGON_FAILED",
  "SAP_CLIENT_INVALID",
  "SAP_NOT_AUTHORIZED",
  "SAP_SERVICE_NOT_FOUND",
  "SAP_QUERY_REJECTED",
  "SAP_THROTTLED",
  "SAP_UNAVAILABLE",
  "SAP_TIMEOUT",
  "SAP_NETWORK",
  "SAP_TOKEN_FAILED",
  "SAP_CERTIFICATE_INVALID",
  "SAP_RESPONSE_INVALID",
  "SAP_URL_TOO_LONG",
  "SAP_REQUEST_FAILED",
] as const;

/** A stable code of {@link SapError}. */
export type SapErrorCode = (typeof SAP_ERROR_CODES)[number];

/** Facts of a {@link SapError} beyond its code and message. */
export interface SapErrorOptions {
  /** What the admin should do about it. */
  remedy: string;
  cause?: unknown;
  diagnosis?: ServiceDiagnosis;
  /** The OData service the failing call went to (e.g. `API_EQUIPMENT`). */
  service?: string;
}

/**
 * A failed SAP call, classified by SAP's own error code (not the HTTP status alone), with a remedy and the
 * {@link ServiceDiagnosis} (status, SAP error code, transaction id for the SAP team, `sap-message`).
 */
export class SapError extends UslimatoError<SapErrorCode> {
  /** What the admin should do about it. */
  readonly remedy: string;

  constructor(code: SapErrorCode, message: string, options: SapErrorOptions) {
    super(code, message, {
      cause: options.cause,
      ...(options.diagnosis ? { diagnosis: options.diagnosis } : {}),
      details: { service: options.service, remedy: options.remedy },
    });
    this.name = "SapError";
    this.remedy = options.remedy;
  }
}
