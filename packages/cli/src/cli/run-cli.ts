import { homedir } from "node:os";
import type { RuntimeOptions } from "../runtime/open-runtime";
import { type CliIo, processIo } from "./cli-io";
import { commandHelp } from "./command-help";
import { overviewHelp } from "./commands";
import { EXIT_CODES, type ExitCode } from "./exit-codes";
import { findCommand } from "./find-command";
import { findSecretFlag } from "./find-secret-flag";

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Streams, environment and signals (default: the real process's). */
  io?: CliIo;
  /** Options every runtime is opened with (extra connectors, Entra connector options). */
  runtime?: RuntimeOptions;
}

const HELP = new Set(["--help", "-h"]);

/** The help `argv` asks for, if that is all it asks: `--help`, `help`, `<command> --help`. */
const helpText = (argv: ReadonlyArray<string>): string | undefined => {
  if (findSecretFlag(argv) !== undefined) return undefined;
  if (argv.length === 0 || HELP.has(argv[0] ?? "") || argv[0] === "help") return overviewHelp();
  const { command, rest } = findCommand(argv);
  const end = rest.indexOf("--");
  const flags = end === -1 ? rest : rest.slice(0, end);
  return command && flags.some((arg) => HELP.has(arg)) ? commandHelp(command) : undefined;
};

/**
 * Runs the `uslimato` command with `argv` (without `node` and the script) and returns its exit code. Help is
 * answered from the commands' descriptions alone; a command's code (connectors, msal, storage drivers, the
 * simulator) is imported only when that command runs.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(["logs", id, "--json"]);
 * ```
 */
export async function runCli(argv: ReadonlyArray<string>, options: RunCliOptions = {}): Promise<ExitCode> {
  const io = options.io ?? processIo(homedir());
  const help = helpText(argv);
  if (help !== undefined) {
    io.stdout.write(help);
    return argv.length === 0 ? EXIT_CODES.usage : EXIT_CODES.ok;
  }
  const { runCommand } = await import("./run-command");
  return runCommand(argv, io, options);
}
