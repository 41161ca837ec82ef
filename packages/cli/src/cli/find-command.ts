import type { Command } from "./command";
import { COMMANDS } from "./commands";

/** The command `argv` names (one or two words, e.g. `sync`, `integrations add`) and the arguments after it. */
export function findCommand(argv: ReadonlyArray<string>): { command?: Command; rest: string[] } {
  const words = argv.slice(0, 2);
  for (const take of [2, 1]) {
    const name = words.slice(0, take).join(" ");
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(take) };
  }
  return { rest: [...argv] };
}
