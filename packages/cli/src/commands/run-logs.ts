import { CliError } from "../cli/cli-error";
import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { formatSyncLogs } from "../output/format-sync-log";

/** Runs `uslimato logs`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runLogs(ctx: CommandContext): Promise<ExitCode> {
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
}
