import { homedir } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { databaseUrlHasPassword } from "../config/cli-config";
import { defaultConfigPath } from "../config/config-path";
import { loadConfig } from "../config/load-config";
import { colorsWanted, createColors } from "../output/colors";
import { openRuntime, type RuntimeOptions } from "../runtime/open-runtime";
import { CliError } from "./cli-error";
import { type CliIo, processIo } from "./cli-io";
import type { Command, CommandContext, FlagValues } from "./command";
import { COMMANDS, overviewHelp } from "./commands";
import { describeError, errorExitCode } from "./error-exit-code";
import { EXIT_CODES, EXIT_CODES_HELP, type ExitCode } from "./exit-codes";
import { GLOBAL_HELP, GLOBAL_OPTIONS } from "./global-options";
import { rejectSecretFlags } from "./reject-secret-flags";

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Streams, environment and signals (default: the real process's). */
  io?: CliIo;
  /** Options every runtime is opened with (extra connectors, Entra connector options). */
  runtime?: RuntimeOptions;
}

const findCommand = (argv: ReadonlyArray<string>): { command?: Command; rest: string[] } => {
  const words = argv.slice(0, 2);
  for (const take of [2, 1]) {
    const name = words.slice(0, take).join(" ");
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(take) };
  }
  return { rest: [...argv] };
};

const commandHelp = (command: Command): string =>
  `${command.summary}\n\n${command.usage}\n\n${GLOBAL_HELP}\n\n${EXIT_CODES_HELP}\n`;

/**
 * Runs the `uslimato` command with `argv` (without `node` and the script) and returns its exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(["logs", id, "--json"]);
 * ```
 */
export async function runCli(argv: ReadonlyArray<string>, options: RunCliOptions = {}): Promise<ExitCode> {
  const io = options.io ?? processIo(homedir());
  const noColor = argv.includes("--no-color");
  const colors = createColors(colorsWanted(io.stdout, io.env, noColor));
  const errColors = createColors(colorsWanted(io.stderr, io.env, noColor));
  try {
    rejectSecretFlags(argv);
    const { command, rest } = findCommand(argv);
    if (!command) {
      const asked = argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help";
      if (asked) {
        io.stdout.write(overviewHelp());
        return argv.length === 0 ? EXIT_CODES.usage : EXIT_CODES.ok;
      }
      throw new CliError(
        "CLI_USAGE",
        `Unknown command "${argv.slice(0, 2).join(" ")}". See uslimato --help.`,
      );
    }
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
      openRuntime: async () => openRuntime(await load(), runtimeOptions),
      runtimeOptions,
    };
    return await command.run(ctx);
  } catch (error) {
    io.stderr.write(`${errColors.red("error")} ${describeError(error)}\n`);
    return errorExitCode(error);
  }
}
