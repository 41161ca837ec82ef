/**
 * `@uslimato/cli`: the `uslimato` command — a no-setup demo on a simulated Entra ID tenant, and the same commands
 * against a real one: init, integrations, test, sync, logs, serve, keys rotate. Also usable in-process.
 *
 * @example
 * ```ts
 * import { runCli } from "@uslimato/cli";
 * const exitCode = await runCli(["demo", "--users", "1000", "--json"]);
 * ```
 *
 * @module
 */
export { API_ERROR_CODES, ApiError, type ApiErrorCode } from "./api/api-error";
export type { ConnectorForm } from "./api/api-schemas";
export { type AdminApi, type AdminApiOptions, createAdminApi } from "./api/create-admin-api";
export type { SyncStreamEvent } from "./api/sync-events";
export { CLI_ERROR_CODES, CliError, type CliErrorCode } from "./cli/cli-error";
export type { CliIo, InputStream, OutputStream } from "./cli/cli-io";
export { processIo } from "./cli/cli-io";
export type { Command, CommandContext, FlagValues } from "./cli/command";
export { COMMANDS, overviewHelp } from "./cli/commands";
export { EXIT_CODES, EXIT_CODES_HELP, type ExitCode } from "./cli/exit-codes";
export { type RunCliOptions, runCli } from "./cli/run-cli";
export { type CliConfig, cliConfigSchema } from "./config/cli-config";
export type { DemoContext, DemoStep, DemoStepResult } from "./demo/demo-context";
export { DEMO_STEPS, type DemoOptions, type DemoReport, runDemo } from "./demo/run-demo";
export { DEMO_ONLY_WARNING, type KeyRingFile, keyRingFileSchema } from "./keys/key-ring-file";
export { type Colors, colorsWanted, createColors } from "./output/colors";
export type { Runtime, RuntimeOptions } from "./runtime/open-runtime";
