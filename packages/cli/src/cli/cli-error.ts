import { UslimatoError } from "@uslimato/core";
import { EXIT_CODES, type ExitCode } from "./exit-codes";

/** Stable codes of {@link CliError}. */
export const CLI_ERROR_CODES = [
  "CLI_USAGE",
  "CLI_SECRET_ON_ARGV",
  "CLI_CONFIG_MISSING",
  "CLI_CONFIG_INVALID",
  "CLI_KEY_RING_INVALID",
  "CLI_SECRET_UNAVAILABLE",
  "CLI_STEP_FAILED",
] as const;

/** A stable code of {@link CliError}. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

const EXIT_BY_CODE: Record<CliErrorCode, ExitCode> = {
  CLI_USAGE: EXIT_CODES.usage,
  CLI_SECRET_ON_ARGV: EXIT_CODES.usage,
  CLI_CONFIG_MISSING: EXIT_CODES.config,
  CLI_CONFIG_INVALID: EXIT_CODES.config,
  CLI_KEY_RING_INVALID: EXIT_CODES.config,
  CLI_SECRET_UNAVAILABLE: EXIT_CODES.usage,
  CLI_STEP_FAILED: EXIT_CODES.failed,
};

/** An error of the `uslimato` command, carrying the exit code it ends with. Never holds a secret. */
export class CliError extends UslimatoError<CliErrorCode> {
  /** The process exit code this error ends the command with. */
  readonly exitCode: ExitCode;

  constructor(code: CliErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options.cause === undefined ? {} : { cause: options.cause });
    this.name = "CliError";
    this.exitCode = EXIT_BY_CODE[code];
  }
}
