import type { Command } from "../cli/command";

/** `uslimato logs <id>`: the sync log as a table, newest first; `--json` for the records. */
export const logsCommand: Command = {
  name: "logs",
  summary: "Show an integration's sync log (newest first) as a table, or --json.",
  usage: `uslimato logs <id> [--limit 20] [--json]

  --limit N   how many runs (default 20)`,
  options: { limit: { type: "string" } },
  positionals: { min: 1, max: 1 },
  run: (ctx) => import("./run-logs").then((m) => m.runLogs(ctx)),
};
