import type { Command } from "./command";
import { COMMANDS } from "./commands";

/**
 * The command `argv` names (one to three words, e.g. `sync`, `integrations add`, `integrations add intune`; the
 * longest match wins) and the arguments after it.
 */
export function findCommand(argv: ReadonlyArray<string>): { command?: Command; rest: string[] } {
  const words = argv.slice(0, 3);
  for (const take of [3, 2, 1]) {
    const name = words.slice(0, take).join(" ");
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(take) };
  }
  return { rest: [...argv] };
}
