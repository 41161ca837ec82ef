import type { Command } from "./command";
import { EXIT_CODES_HELP } from "./exit-codes";
import { GLOBAL_HELP } from "./global-options";

/** `uslimato <command> --help`: its summary, usage and flags, the global flags and the exit codes. */
export function commandHelp(command: Command): string {
  return `${command.summary}\n\n${command.usage}\n\n${GLOBAL_HELP}\n\n${EXIT_CODES_HELP}\n`;
}
