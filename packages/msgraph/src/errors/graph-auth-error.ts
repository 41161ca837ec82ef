import { UslimatoError, type UslimatoErrorOptions } from "@uslimato/core";

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
}

/**
 * Getting a token for Microsoft Graph failed. The code says why in terms an admin can act on; the AADSTS
 * number and the trace and correlation ids are kept, the secret never.
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

  constructor(
    code: GraphAuthErrorCode,
    message: string,
    fields: GraphAuthErrorFields = {},
    options: UslimatoErrorOptions = {},
  ) {
    super(code, message, { ...options, details: { ...fields, ...options.details } });
    this.name = "GraphAuthError";
    this.aadsts = fields.aadsts;
    this.traceId = fields.traceId;
    this.correlationId = fields.correlationId;
  }
}
