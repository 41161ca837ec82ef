import { formatSyncLogs } from "../../output/format-sync-log";
import { type DemoStep, requireLive } from "../demo-context";

/** Step 5: the sync log as the store holds it, as a table. */
export const showSyncLog: DemoStep = {
  name: "syncLog",
  title: "The sync log",
  async run(ctx) {
    const { runtime, integrationId } = requireLive(ctx);
    const logs = await runtime.hub.syncLogs(integrationId, { limit: 10 });
    ctx.output.line(formatSyncLogs(logs, ctx.output.colors).replace(/^/gm, "  "));
    const stored = await runtime.storage.inspect.listUsers({ limit: 3 });
    for (const user of stored)
      ctx.output.line(
        `  ${ctx.output.colors.dim("stored user")} ${user.email}  ${user.displayName}  role=${user.role} active=${user.active}`,
      );
    return {
      runs: logs.length,
      sampleUsers: stored.map((u) => ({ email: u.email, role: u.role, active: u.active })),
    };
  },
};
