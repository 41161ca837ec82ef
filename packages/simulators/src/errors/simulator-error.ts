import { UslimatoError } from "@uslimato/core";

/** Every stable code of {@link SimulatorError}; new ones are appended (like core's `ERROR_CODES`). */
export const SIMULATOR_ERROR_CODES = ["NOT_FOUND", "INVALID_STATE", "INVALID_OPTION"] as const;

/** Stable codes of {@link SimulatorError}. */
export type SimulatorErrorCode = (typeof SIMULATOR_ERROR_CODES)[number];

/**
 * The one error class of the simulators' own API (HTTP answers are shaped like the real services instead), a
 * `UslimatoError` from `@uslimato/core` with a stable {@link SimulatorErrorCode}.
 */
export class SimulatorError extends UslimatoError<SimulatorErrorCode> {
  override readonly name = "SimulatorError";

  constructor(code: SimulatorErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options.cause === undefined ? {} : { cause: options.cause });
  }
}
