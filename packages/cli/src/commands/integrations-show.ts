import type { Command } from "../cli/command";
import { EXIT_CODES } from "../cli/exit-codes";
import { formatIntegration } from "../output/format-integration";

/** `uslimato integrations show <id>`: settings and, per secret, only "configured" or "not set". */
export const integrationsShowCommand: Command = {
  name: "integrations show",
  summary: 'Show one integration (secrets only as "configured").',
  usage: "uslimato integrations show <id> [--json]",
  options: {},
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const runtime = await ctx.openRuntime();
    try {
      const view = await runtime.hub.integrations.get(ctx.positionals[0] ?? "");
      if (ctx.json) ctx.printJson(view);
      else ctx.out(formatIntegration(view, ctx.colors));
      return EXIT_CODES.ok;
    } finally {
      await runtime.close();
    }
  },
};
