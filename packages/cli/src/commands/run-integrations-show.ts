import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { formatIntegration } from "../output/format-integration";

/** Runs `uslimato integrations show`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runIntegrationsShow(ctx: CommandContext): Promise<ExitCode> {
  const runtime = await ctx.openRuntime();
  try {
    const view = await runtime.hub.integrations.get(ctx.positionals[0] ?? "");
    if (ctx.json) ctx.printJson(view);
    else ctx.out(formatIntegration(view, ctx.colors));
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}
