import { CliError } from "../cli/cli-error";
import type { Command } from "../cli/command";
import { EXIT_CODES } from "../cli/exit-codes";
import { formatSyncLogs } from "../output/format-sync-log";

/** `uslimato logs <id>`: the sync log as a table, newest first; `--json` for the records. */
export const logsCommand: Command = {
  name: "logs",
  summary: "Show an integration's sync log (newest first) as a table, or --json.",
  usage: `uslimato logs <id> [--limit 20] [--json]

  --limit N   how many runs (default 20)`,
  options: { limit: { type: "string" } },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const limit = ctx.values.limit === undefined ? 20 : Number(ctx.values.limit);
    if (!Number.isInteger(limit) || limit <= 0)
      throw new CliError("CLI_USAGE", "--limit must be a positive whole number.");
    const runtime = await ctx.openRuntime();
    try {
      const id = ctx.positionals[0] ?? "";
      await runtime.hub.integrations.get(id);
      const logs = await runtime.hub.syncLogs(id, { limit });
      if (ctx.json) ctx.printJson(logs);
      else ctx.out(formatSyncLogs(logs, ctx.colors));
      return EXIT_CODES.ok;
    } finally {
      await runtime.close();
    }
  },
};
