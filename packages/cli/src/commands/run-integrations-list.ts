import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { renderTable } from "../output/render-table";

/** Runs `uslimato integrations list`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runIntegrationsList(ctx: CommandContext): Promise<ExitCode> {
  const runtime = await ctx.openRuntime();
  try {
    const views = await runtime.hub.integrations.list();
    if (ctx.json) {
      ctx.printJson(views);
      return EXIT_CODES.ok;
    }
    if (views.length === 0) {
      ctx.out("No integrations yet. Add one with: uslimato integrations add entra --help");
      return EXIT_CODES.ok;
    }
    ctx.out(
      renderTable(
        [
          { header: "id", value: (v) => v.id },
          { header: "name", value: (v) => v.name },
          { header: "connector", value: (v) => v.connectorId },
          {
            header: "enabled",
            value: (v) => (v.enabled ? ctx.colors.green("yes") : ctx.colors.yellow("no")),
          },
          { header: "interval", value: (v) => `${v.intervalMinutes} min`, right: true },
          {
            header: "secrets",
            value: (v) =>
              v.secrets.map((s) => `${s.name}: ${s.configured ? "configured" : "not set"}`).join(", "),
          },
        ],
        views,
      ),
    );
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}
