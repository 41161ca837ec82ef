import type { ParseArgsOptionsConfig } from "node:util";
import type { LoadedConfig } from "../config/load-config";
import type { Colors } from "../output/colors";
import type { Runtime, RuntimeOptions } from "../runtime/open-runtime";
import type { CliIo } from "./cli-io";
import type { ExitCode } from "./exit-codes";

/** Parsed flag values of one command. */
export type FlagValues = Record<string, string | boolean | string[] | undefined>;

/** What a command's `run` receives. */
export interface CommandContext {
  io: CliIo;
  values: FlagValues;
  positionals: string[];
  colors: Colors;
  /** `--json`: print one JSON document and nothing else on stdout. */
  json: boolean;
  /** The config file path (`--config` or `~/.uslimato/config.json`). */
  configPath: string;
  /** Writes a line to stdout. */
  out(line?: string): void;
  /** Writes a line to stderr. */
  err(line: string): void;
  /** Prints a JSON document on stdout. */
  printJson(value: unknown): void;
  /** Loads the config file (with `--database` applied). */
  loadConfig(): Promise<LoadedConfig>;
  /** Loads the config and opens storage, key ring and hub; the command closes it. */
  openRuntime(): Promise<Runtime>;
  /** Options every runtime is opened with (tests inject connectors here). */
  runtimeOptions: RuntimeOptions;
}

/** One `uslimato` command. */
export interface Command {
  /** The words that select it: `sync`, `integrations add`. */
  name: string;
  summary: string;
  /** Synopsis and flags, shown by `--help`. */
  usage: string;
  options: ParseArgsOptionsConfig;
  /** How many positionals it takes (e.g. `<id>`). */
  positionals: { min: number; max: number };
  run(ctx: CommandContext): Promise<ExitCode>;
}
