import type { CoreErrorCode } from "./error-codes";
import { UslimatoError, type UslimatoErrorOptions } from "./uslimato-error";

/** An error raised by `@uslimato/core`, with a code from {@link CoreErrorCode}. */
export class CoreError extends UslimatoError<CoreErrorCode> {
  constructor(code: CoreErrorCode, message: string, options?: UslimatoErrorOptions) {
    super(code, message, options);
    this.name = "CoreError";
  }
}
