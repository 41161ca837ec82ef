import { CliError } from "./cli-error";
import { EXIT_CODES, type ExitCode } from "./exit-codes";

const CONFIG_CODES = new Set([
  "CONFIG_INVALID",
  "CONNECTOR_UNKNOWN",
  "INTEGRATION_NOT_FOUND",
  "INTEGRATION_DISABLED",
  "INTERVAL_BELOW_PLAN_MINIMUM",
  "INTERVAL_ABOVE_MAXIMUM",
  "PLAN_UNKNOWN",
  "PLAN_NOT_ENTITLED",
  "SECRET_MISSING",
  "KEY_UNKNOWN",
  "KEY_RING_INVALID",
  "KEY_RING_CANNOT_OPEN_STORED",
  "DECRYPT_FAILED",
]);

/** The exit code an error ends the command with: usage 2, configuration 3, anything else 1. */
export function errorExitCode(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return EXIT_CODES.failed;
  if (code.startsWith("ERR_PARSE_ARGS")) return EXIT_CODES.usage;
  return CONFIG_CODES.has(code) ? EXIT_CODES.config : EXIT_CODES.failed;
}

/** A one-line, secret-free description of an error for stderr: its code, message and config issues. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const prefix = typeof code === "string" && !code.startsWith("ERR_PARSE_ARGS") ? `${code}: ` : "";
  return `${prefix}${error.message}`;
}
