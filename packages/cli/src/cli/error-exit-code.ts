import { type CoreErrorCode, isUslimatoError } from "@uslimato/core";
import type { CredentialStoreErrorCode } from "@uslimato/credential-store";
import type { GraphAuthErrorCode, GraphErrorCode } from "@uslimato/msgraph";
import { diagnosisOf, formatDiagnosisLine } from "../output/format-diagnosis";
import { CliError } from "./cli-error";
import { EXIT_CODES, type ExitCode } from "./exit-codes";

/** A stable code of an error one of the SDK's packages raises. */
type PackageErrorCode = CoreErrorCode | CredentialStoreErrorCode | GraphErrorCode | GraphAuthErrorCode;

/**
 * The packages' codes that mean the configuration is wrong (exit code 3), typed against each package's exported
 * code list: a code a package renames or drops fails to compile here. Every other SDK error exits 1.
 */
const CONFIG_CODES: ReadonlySet<string> = new Set<PackageErrorCode>([
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
  "INVALID_ENDPOINT",
]);

const isParseArgsError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof TypeError && typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
};

/**
 * The exit code an error ends the command with: usage 2 (a {@link CliError} says which, or node's argument
 * parser), configuration 3 (an SDK error whose code is a configuration problem), anything else 1. Only the SDK's
 * own errors (`UslimatoError` and its subclasses) are classified by code; any other error exits 1.
 */
export function errorExitCode(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (isParseArgsError(error)) return EXIT_CODES.usage;
  if (isUslimatoError(error)) return CONFIG_CODES.has(error.code) ? EXIT_CODES.config : EXIT_CODES.failed;
  return EXIT_CODES.failed;
}

/**
 * A one-line, secret-free description of an error for stderr: an SDK error's code, its message, and the service's
 * diagnosis (status, error code, ids) when it carries one.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!isUslimatoError(error)) return error.message;
  const diagnosis = diagnosisOf(error);
  const text = `${error.code}: ${error.message}`;
  return diagnosis ? `${text} [${formatDiagnosisLine(diagnosis)}]` : text;
}
