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
    const id = ctx.positionals[0] ?? "";
    // Progress counts what the connector reads first: users (Entra), devices (Intune)...
    const { connectorId } = await runtime.hub.integrations.get(id);
    const entity = runtime.hub.connectors().find((c) => c.id === connectorId)?.entities[0];
    const progress = createProgress({
      stream: ctx.io.stdout,
      colors: ctx.colors,
      mode: progressMode(ctx.io.stdout, ctx.json),
      ...(entity ? { noun: `${entity}s` } : {}),
    });
    const log = await runtime.hub.syncNow(id, {
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
