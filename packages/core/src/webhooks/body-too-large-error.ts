import { CoreError } from "../errors/core-error";

/** `WEBHOOK_BODY_TOO_LARGE`: a request body was larger than allowed. */
export class BodyTooLargeError extends CoreError {
  /** The largest body allowed, in bytes. */
  readonly limit: number;

  constructor(limit: number) {
    super("WEBHOOK_BODY_TOO_LARGE", `Body exceeds ${limit} bytes`, { details: { limit } });
    this.name = "BodyTooLargeError";
    this.limit = limit;
  }
}
