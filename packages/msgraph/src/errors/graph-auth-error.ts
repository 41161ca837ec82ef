import { UslimatoError, type UslimatoErrorOptions } from "@uslimato/core/connector";

/** Every stable code a {@link GraphAuthError} carries. */
export const GRAPH_AUTH_ERROR_CODES = [
  "TENANT_NOT_FOUND",
  "CLIENT_NOT_FOUND",
  "INVALID_SECRET",
  "SECRET_EXPIRED",
  "SECRET_MISSING",
  "INVALID_SCOPE",
  "INVALID_CERTIFICATE",
  "INVALID_ENDPOINT",
  "AUTH_NETWORK",
  "AUTH_FAILED",
  "AUTH_UNAVAILABLE",
] as const;

/** A stable code of a {@link GraphAuthError}. */
export type GraphAuthErrorCode = (typeof GRAPH_AUTH_ERROR_CODES)[number];

/** Typed facts of a {@link GraphAuthError}. */
export interface GraphAuthErrorFields {
  /** The AADSTS number, e.g. `7000215`. */
  aadsts?: string;
  /** Entra's trace id, for Microsoft support. */
  traceId?: string;
  /** The correlation id of the token request. */
  correlationId?: string;
  /** The HTTP status the token endpoint (or authority discovery) answered. */
  httpStatus?: number;
  /** The OAuth `error` value, e.g. `invalid_client`. */
  oauthError?: string;
  /** Entra's `timestamp` of the failure, as given. */
  timestamp?: string;
  /** Entra's `error_description` without its trailing ids (secret values scrubbed). */
  description?: string;
}

/**
 * Getting a token for Microsoft Graph failed. The code says why in terms an admin can act on; Entra's own
 * answer is kept as fields and as the error's `diagnosis` (service `entra-token`: HTTP status, OAuth `error`,
 * `AADSTS` number, trace and correlation ids, timestamp), the secret never.
 *
 * @example
 * ```ts
 * try { await provider.getToken(); } catch (e) { if (e instanceof GraphAuthError && e.code === "SECRET_EXPIRED") {} }
 * ```
 */
export class GraphAuthError extends UslimatoError<GraphAuthErrorCode> {
  readonly aadsts: string | undefined;
  readonly traceId: string | undefined;
  readonly correlationId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly oauthError: string | undefined;

  constructor(
    code: GraphAuthErrorCode,
    message: string,
    fields: GraphAuthErrorFields = {},
    options: UslimatoErrorOptions = {},
  ) {
    const { description: _description, ...facts } = fields;
    super(code, message, {
      ...options,
      details: { ...facts, ...options.details },
      diagnosis: options.diagnosis ?? {
        service: "entra-token",
        ...(fields.httpStatus !== undefined ? { httpStatus: fields.httpStatus } : {}),
        ...(fields.oauthError ? { errorCode: fields.oauthError } : {}),
        ...(fields.aadsts ? { serviceCode: `AADSTS${fields.aadsts}` } : {}),
        ...(fields.traceId ? { traceId: fields.traceId } : {}),
        ...(fields.correlationId ? { correlationId: fields.correlationId } : {}),
        ...(fields.timestamp ? { date: fields.timestamp } : {}),
        ...(fields.description ? { message: fields.description } : {}),
      },
    });
    this.name = "GraphAuthError";
    this.aadsts = fields.aadsts;
    this.traceId = fields.traceId;
    this.correlationId = fields.correlationId;
    this.httpStatus = fields.httpStatus;
    this.oauthError = fields.oauthError;
  }
}
