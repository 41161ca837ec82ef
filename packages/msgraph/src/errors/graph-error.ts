import { UslimatoError, type UslimatoErrorOptions } from "@uslimato/core/connector";

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
  "NEXT_LINK_LOOP",
  "PAGE_LIMIT_EXCEEDED",
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
  /** The `client-request-id` Graph echoed (header, or `innerError`). */
  clientRequestId?: string;
  /** When Graph says the failure happened (`innerError.date`, else the `Date` header), as given. */
  date?: string;
  /** Graph's own `error.message` (a token in it is scrubbed); for Intune, the front end's text decoded from it. */
  graphMessage?: string;
  /** The service behind Graph that answered: `intune` when the body was Intune's double-encoded error. */
  service?: "graph" | "intune";
  /** Intune's real error code from inside the message (`Forbidden`, `Unauthorized`, `ResourceNotFound`). */
  serviceCode?: string;
  /** Intune's `Activity ID`, for Microsoft support. */
  activityId?: string;
}

/**
 * A failed Microsoft Graph call. Carries the status, Graph's error code, `request-id`, `client-request-id` and
 * date, as fields and as the error's `diagnosis` (service `graph`); never another header value or a token.
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
  readonly clientRequestId: string | undefined;
  readonly date: string | undefined;
  /** Intune's `Activity ID`, when an Intune front end answered. */
  readonly activityId: string | undefined;

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
        clientRequestId: fields.clientRequestId,
        activityId: fields.activityId,
        ...options.details,
      },
      diagnosis:
        options.diagnosis ??
        (fields.status !== undefined || fields.graphCode !== undefined
          ? {
              service: fields.service ?? "graph",
              ...(fields.status !== undefined ? { httpStatus: fields.status } : {}),
              ...(fields.graphCode ? { errorCode: fields.graphCode } : {}),
              ...(fields.requestId ? { requestId: fields.requestId } : {}),
              ...(fields.clientRequestId ? { clientRequestId: fields.clientRequestId } : {}),
              ...(fields.date ? { date: fields.date } : {}),
              ...(fields.graphMessage ? { message: fields.graphMessage } : {}),
              ...(fields.serviceCode ? { serviceCode: fields.serviceCode } : {}),
              ...(fields.activityId ? { activityId: fields.activityId } : {}),
            }
          : undefined),
    });
    this.name = "GraphError";
    this.status = fields.status;
    this.graphCode = fields.graphCode;
    this.requestId = fields.requestId;
    this.retryAfterMs = fields.retryAfterMs;
    this.clientRequestId = fields.clientRequestId;
    this.date = fields.date;
    this.activityId = fields.activityId;
  }
}
