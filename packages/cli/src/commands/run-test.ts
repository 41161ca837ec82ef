import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { formatConnectionTest } from "../output/format-connection-test";

/** Runs `uslimato test`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runTest(ctx: CommandContext): Promise<ExitCode> {
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
}
