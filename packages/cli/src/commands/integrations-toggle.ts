import type { Command } from "../cli/command";
import { EXIT_CODES } from "../cli/exit-codes";

const toggle = (action: "enable" | "disable"): Command => ({
  name: `integrations ${action}`,
  summary:
    action === "disable"
      ? "Disable an integration: no scheduled or webhook syncs; its webhook subscriptions are removed."
      : "Enable a disabled integration.",
  usage: `uslimato integrations ${action} <id>`,
  options: {},
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const runtime = await ctx.openRuntime();
    try {
      const view = await runtime.hub.integrations[action](ctx.positionals[0] ?? "");
      if (ctx.json) ctx.printJson(view);
      else ctx.out(`${ctx.colors.green("✓")} ${view.name} (${view.id}) ${action}d`);
      return EXIT_CODES.ok;
    } finally {
      await runtime.close();
    }
  },
});

/** `uslimato integrations disable <id>`. */
export const integrationsDisableCommand: Command = toggle("disable");

/** `uslimato integrations enable <id>`. */
export const integrationsEnableCommand: Command = toggle("enable");
