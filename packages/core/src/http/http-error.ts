import { CoreError } from "../errors/core-error";
import type { CoreErrorCode } from "../errors/error-codes";
import type { ServiceDiagnosis } from "../errors/service-diagnosis";

/** Facts kept from a failed call: never a header value, token or body that could hold a secret. */
export interface HttpErrorFacts {
  method: string;
  /** The URL without its query string. */
  url: string;
  status?: number;
  /** The service's own error code (e.g. Graph's `Authorization_RequestDenied`). */
  serviceCode?: string;
  requestId?: string;
  attempts: number;
  /** More of what the service said (its message, ids, date), and the service's name (default `http`). */
  diagnosis?: Partial<ServiceDiagnosis>;
}

/** A failed HTTP call after retries: `HTTP_ERROR`, `HTTP_TIMEOUT`, `HTTP_NETWORK` or `HTTP_INVALID_RESPONSE`. */
export class HttpError extends CoreError {
  readonly status: number | undefined;
  readonly serviceCode: string | undefined;
  readonly requestId: string | undefined;

  constructor(
    code: Extract<CoreErrorCode, `HTTP_${string}`>,
    message: string,
    facts: HttpErrorFacts,
    cause?: unknown,
  ) {
    super(code, message, {
      cause,
      ...(facts.status !== undefined
        ? {
            diagnosis: {
              service: "http",
              ...facts.diagnosis,
              httpStatus: facts.status,
              ...(facts.serviceCode ? { errorCode: facts.serviceCode } : {}),
              ...(facts.requestId ? { requestId: facts.requestId } : {}),
            },
          }
        : {}),
      details: {
        method: facts.method,
        url: facts.url,
        status: facts.status,
        serviceCode: facts.serviceCode,
        requestId: facts.requestId,
        attempts: facts.attempts,
      },
    });
    this.name = "HttpError";
    this.status = facts.status;
    this.serviceCode = facts.serviceCode;
    this.requestId = facts.requestId;
  }
}
