import type { Command } from "../cli/command";
import { EXIT_CODES } from "../cli/exit-codes";

/** `uslimato integrations remove <id>`: deletes configuration, secrets and links; keeps users and logs. */
export const integrationsRemoveCommand: Command = {
  name: "integrations remove",
  summary:
    "Remove an integration: its configuration, sealed secrets and links (users, sync logs and audit stay).",
  usage: "uslimato integrations remove <id>",
  options: {},
  positionals: { min: 1, max: 1 },
  async run(ctx) {
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
  },
};
