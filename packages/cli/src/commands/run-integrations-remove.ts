import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";

/** Runs `uslimato integrations remove`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runIntegrationsRemove(ctx: CommandContext): Promise<ExitCode> {
  const runtime = await ctx.openRuntime();
  try {
    const id = ctx.positionals[0] ?? "";
    const view = await runtime.hub.integrations.get(id);
    await runtime.hub.integrations.remove(id);
    if (ctx.json) ctx.printJson({ removed: id });
    else
      ctx.out(
        `${ctx.colors.green("✓")} removed ${view.name} (${id}); synced users, sync logs and the audit log are kept`,
      );
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}
