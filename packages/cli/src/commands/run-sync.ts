import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { createProgress } from "../output/create-progress";
import { formatSyncLogs } from "../output/format-sync-log";
import { progressMode } from "../output/progress-mode";

/** Runs `uslimato sync`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runSync(ctx: CommandContext): Promise<ExitCode> {
  const runtime = await ctx.openRuntime();
  const abort = new AbortController();
  const stopListening = ctx.io.onShutdown?.(() => abort.abort());
  try {
    const progress = createProgress({
      stream: ctx.io.stdout,
      colors: ctx.colors,
      mode: progressMode(ctx.io.stdout, ctx.json),
    });
    const log = await runtime.hub.syncNow(ctx.positionals[0] ?? "", {
      trigger: "manual",
      actor: { type: "user", id: "cli" },
      full: ctx.values.full === true,
      confirmMassDeactivation: ctx.values["confirm-deactivations"] === true,
      signal: abort.signal,
      onProgress: (p) => progress.update(p),
    });
    progress.done();
    if (ctx.json) ctx.printJson(log);
    else ctx.out(formatSyncLogs([log], ctx.colors));
    return log.status === "failed" ? EXIT_CODES.failed : EXIT_CODES.ok;
  } finally {
    stopListening?.();
    await runtime.close();
  }
}
