import type { SyncLog } from "@uslimato/core";
import { createProgress } from "../output/create-progress";
import { formatSyncLogs } from "../output/format-sync-log";
import { type DemoContext, requireLive } from "./demo-context";

/**
 * Runs one sync (of the Entra integration unless `options.integrationId` names another) with the progress display
 * (counting `options.noun`, default users) and prints its log; a failed run throws.
 */
export async function runSyncStep(
  ctx: DemoContext,
  total?: number,
  options: { integrationId?: string; noun?: string } = {},
): Promise<SyncLog> {
  const { runtime } = requireLive(ctx);
  const integrationId = options.integrationId ?? requireLive(ctx).integrationId;
  const progress = createProgress({
    stream: ctx.output.stream,
    colors: ctx.output.colors,
    mode: ctx.output.progress,
    ...(total ? { total } : {}),
    ...(options.noun ? { noun: options.noun } : {}),
  });
  const log = await runtime.hub.syncNow(integrationId, { onProgress: (p) => progress.update(p) });
  progress.done();
  ctx.output.line(formatSyncLogs([log], ctx.output.colors).replace(/^/gm, "  "));
  if (log.status !== "success")
    throw Object.assign(new Error(`the sync ended ${log.status}`), {
      code: log.failureCode ?? "SYNC_NOT_SUCCESSFUL",
    });
  return log;
}

/** The facts of a sync log the demo reports. */
export function logFacts(log: SyncLog): Record<string, unknown> {
  const ms = log.finishedAt ? log.finishedAt.getTime() - log.startedAt.getTime() : null;
  return {
    syncId: log.id,
    integrationId: log.integrationId,
    trigger: log.trigger,
    mode: log.mode,
    status: log.status,
    pages: log.pages,
    counts: log.counts,
    countsByKind: log.countsByKind,
    durationMs: ms,
    usersPerSecond: ms ? Math.round((log.counts.processed * 1000) / ms) : null,
  };
}
