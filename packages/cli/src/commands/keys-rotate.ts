import type { Command } from "../cli/command";

/**
 * `uslimato keys rotate`: adds a key and makes it active (the file is saved first, so a crash never strands a
 * secret), re-wraps every stored secret to it, reports usage per key; `--retire` drops the old key once unused.
 */
export const keysRotateCommand: Command = {
  name: "keys rotate",
  summary: "Add a new active key, re-wrap every stored secret to it, and report per-key usage.",
  usage: `uslimato keys rotate [--retire] [--json]

  --retire   then remove the previous key from the key ring, if no stored secret uses it any more`,
  options: { retire: { type: "boolean" } },
  positionals: { min: 0, max: 0 },
  run: (ctx) => import("./run-keys-rotate").then((m) => m.runKeysRotate(ctx)),
};
