import { UslimatoError } from "@uslimato/core/connector";

/** Codes of {@link HrConnectorError}. */
export type HrConnectorErrorCode = "HR_API_KEY_MISSING" | "HR_RESPONSE_INVALID";

/** An error of the HR connector, with a stable code; it never carries the API key. */
export class HrConnectorError extends UslimatoError<HrConnectorErrorCode> {
  constructor(code: HrConnectorErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = "HrConnectorError";
  }
}
