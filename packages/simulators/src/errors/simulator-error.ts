/** Stable codes of {@link SimulatorError}. */
export type SimulatorErrorCode = "NOT_FOUND" | "INVALID_STATE" | "INVALID_OPTION";

/** The one error class of the simulators' own API (HTTP answers are shaped like the real services instead). */
export class SimulatorError extends Error {
  override readonly name = "SimulatorError";
  constructor(
    readonly code: SimulatorErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
