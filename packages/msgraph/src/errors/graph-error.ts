import { UslimatoError, type UslimatoErrorOptions } from "@uslimato/core";

/** Every stable code a {@link GraphError} carries. */
export const GRAPH_ERROR_CODES = [
  "GRAPH_HTTP_ERROR",
  "THROTTLED",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_RESPONSE",
  "DELTA_EXPIRED",
  "TIMEOUT",
  "NETWORK",
  "INVALID_ENDPOINT",
  "FOREIGN_ORIGIN",
] as const;

/** A stable code of a {@link GraphError}. */
export type GraphErrorCode = (typeof GRAPH_ERROR_CODES)[number];

/** Typed facts of a {@link GraphError}, beyond the base options. */
export interface GraphErrorFields {
  /** HTTP status, when Graph answered. */
  status?: number;
  /** Graph's own `error.code` (e.g. `Authorization_RequestDenied`). */
  graphCode?: string;
  /** Graph's `request-id`: what Microsoft support asks for. */
  requestId?: string;
  /** How long Graph asked us to wait, when it said. */
  retryAfterMs?: number;
}

/**
 * A failed Microsoft Graph call. Carries the status, Graph's error code and request id, never a header value
 * or a token.
 *
 * @example
 * ```ts
 * try { await client.get("/users"); } catch (e) { if (e instanceof GraphError && e.code === "FORBIDDEN") {} }
 * ```
 */
export class GraphError extends UslimatoError<GraphErrorCode> {
  readonly status: number | undefined;
  readonly graphCode: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: GraphErrorCode,
    message: string,
    fields: GraphErrorFields = {},
    options: UslimatoErrorOptions = {},
  ) {
    super(code, message, {
      ...options,
      details: {
        status: fields.status,
        graphCode: fields.graphCode,
        requestId: fields.requestId,
        retryAfterMs: fields.retryAfterMs,
        ...options.details,
      },
    });
    this.name = "GraphError";
    this.status = fields.status;
    this.graphCode = fields.graphCode;
    this.requestId = fields.requestId;
    this.retryAfterMs = fields.retryAfterMs;
  }
}
