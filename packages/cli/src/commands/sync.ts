import type { Command } from "../cli/command";
import { EXIT_CODES } from "../cli/exit-codes";
import { createProgress } from "../output/create-progress";
import { formatSyncLogs } from "../output/format-sync-log";
import { progressMode } from "../output/progress-mode";

/** `uslimato sync <id>`: runs a sync now with a progress bar, then prints its log. Exit 1 if it failed. */
export const syncCommand: Command = {
  name: "sync",
  summary:
    "Run a sync now (progress bar: pages, users, users/s), then print its log. Exit code 1 if it failed.",
  usage: `uslimato sync <id> [--full] [--confirm-deactivations] [--json]

  --full                    forget the checkpoint and read everything (a full resync)
  --confirm-deactivations   apply deactivations even above the mass-deactivation guard`,
  options: {
    full: { type: "boolean" },
    "confirm-deactivations": { type: "boolean" },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
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
  },
};
