import type { Command } from "../cli/command";
import { EXIT_CODES } from "../cli/exit-codes";
import { formatConnectionTest } from "../output/format-connection-test";

/** `uslimato test <id>`: the connection test; exit code 4 when it fails. */
export const testCommand: Command = {
  name: "test",
  summary: "Test an integration's connection (token, permissions, a first read). Exit code 4 if it fails.",
  usage: "uslimato test <id> [--json]",
  options: {},
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const runtime = await ctx.openRuntime();
    try {
      const result = await runtime.hub.testConnection(ctx.positionals[0] ?? "", {
        actor: { type: "user", id: "cli" },
      });
      if (ctx.json) ctx.printJson(result);
      else ctx.out(formatConnectionTest(result, ctx.colors));
      return result.ok ? EXIT_CODES.ok : EXIT_CODES.connection;
    } finally {
      await runtime.close();
    }
  },
};
