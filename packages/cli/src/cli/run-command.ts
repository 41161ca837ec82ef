import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { databaseUrlHasPassword } from "../config/cli-config";
import { defaultConfigPath } from "../config/config-path";
import { loadConfig } from "../config/load-config";
import { colorsWanted, createColors } from "../output/colors";
import { CliError } from "./cli-error";
import type { CliIo } from "./cli-io";
import type { CommandContext, FlagValues } from "./command";
import { commandHelp } from "./command-help";
import { describeError, errorExitCode } from "./error-exit-code";
import { EXIT_CODES, type ExitCode } from "./exit-codes";
import { findCommand } from "./find-command";
import { GLOBAL_OPTIONS } from "./global-options";
import { rejectSecretFlags } from "./reject-secret-flags";
import type { RunCliOptions } from "./run-cli";

/**
 * Parses `argv` for its command and runs it: usage errors, secret flags and failures become a line on stderr and
 * an exit code. Loaded by {@link runCli} only when a command runs (never for `--help`).
 */
export async function runCommand(
  argv: ReadonlyArray<string>,
  io: CliIo,
  options: RunCliOptions,
): Promise<ExitCode> {
  const noColor = argv.includes("--no-color");
  const colors = createColors(colorsWanted(io.stdout, io.env, noColor));
  const errColors = createColors(colorsWanted(io.stderr, io.env, noColor));
  try {
    rejectSecretFlags(argv);
    const { command, rest } = findCommand(argv);
    if (!command)
      throw new CliError(
        "CLI_USAGE",
        `Unknown command "${argv.slice(0, 2).join(" ")}". See uslimato --help.`,
      );
    const parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    const values = parsed.values as FlagValues;
    if (values.help) {
      io.stdout.write(commandHelp(command));
      return EXIT_CODES.ok;
    }
    const { min, max } = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max)
      throw new CliError("CLI_USAGE", `Usage: ${command.usage.split("\n")[0]?.trim()}`);
    const configPath =
      typeof values.config === "string" ? resolve(values.config) : defaultConfigPath(io.homeDir);
    const database = typeof values.database === "string" ? values.database : undefined;
    if (database !== undefined && databaseUrlHasPassword(database))
      throw new CliError(
        "CLI_SECRET_ON_ARGV",
        "--database may not hold a password: secrets are never read from the command line (shell history, " +
          "process lists). Give the URL without it and use uslimato init's --database-password-from-env VAR, " +
          "--database-password-stdin or --database-password-prompt (sealed with the key ring), or PGPASSWORD.",
      );
    const load = async () => {
      const config = await loadConfig(configPath);
      if (database === undefined || database === config.database) return config;
      // The sealed password belongs to the configured database: never send it to another one.
      const { databasePassword: _kept, ...rest } = config;
      return { ...rest, database };
    };
    const runtimeOptions = options.runtime ?? {};
    const ctx: CommandContext = {
      io,
      values,
      positionals: parsed.positionals,
      colors,
      json: values.json === true,
      configPath,
      out: (line = "") => io.stdout.write(`${line}\n`),
      err: (line) => io.stderr.write(`${line}\n`),
      printJson: (value) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
      loadConfig: load,
      // Connectors, msal, storage drivers: loaded only by the commands that open a runtime.
      openRuntime: async () =>
        (await import("../runtime/open-runtime")).openRuntime(await load(), runtimeOptions),
      runtimeOptions,
    };
    return await command.run(ctx);
  } catch (error) {
    io.stderr.write(`${errColors.red("error")} ${describeError(error)}\n`);
    return errorExitCode(error);
  }
}
