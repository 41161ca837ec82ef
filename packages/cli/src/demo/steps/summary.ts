import { DEMO_ONLY_WARNING } from "../../keys/key-ring-file";
import { type DemoStep, requireLive } from "../demo-context";

/** Step 12: where the data is, and what to try next. */
export const summary: DemoStep = {
  name: "summary",
  title: "Where the data is, and what to try next",
  async run(ctx) {
    const { runtime, integrationId } = requireLive(ctx);
    const users = await runtime.storage.inspect.listUsers({ integrationId, limit: 1_000_000 });
    const active = users.filter((u) => u.active).length;
    const { bold, dim } = ctx.output.colors;
    const cli = "pnpm --filter @uslimato/cli uslimato";
    const line = ctx.output.line;
    line(
      `  ${bold("store")}     ${ctx.databasePath} (${ctx.database === undefined ? "SQLite" : ctx.database.split(":")[0]}): ${users.length} users, ${active} active, ${users.length - active} inactive (disabled or deleted in the tenant)`,
    );
    const sapAssets = ctx.sapIntegrationId
      ? (await runtime.storage.inspect.listRecords(ctx.sapIntegrationId, "asset")).filter((r) => !r.removed)
          .length
      : 0;
    const sapUsers = ctx.sapIntegrationId
      ? (await runtime.storage.inspect.listUsers({ integrationId: ctx.sapIntegrationId, limit: 1_000_000 }))
          .length
      : 0;
    if (ctx.sapIntegrationId)
      line(
        `  ${bold("SAP")}       ${sapAssets} assets (equipment, fixed assets) and ${sapUsers} users linked to SAP employees`,
      );
    line(`  ${bold("config")}    ${ctx.configPath}`);
    line(`  ${bold("key ring")}  ${ctx.keyRingPath} ${dim(`(${DEMO_ONLY_WARNING})`)}`);
    line();
    line("  Try next:");
    line(`    ${cli} logs ${integrationId} --config ${ctx.configPath}`);
    if (ctx.sapIntegrationId) line(`    ${cli} logs ${ctx.sapIntegrationId} --config ${ctx.configPath}`);
    line(`    ${cli} integrations show ${integrationId} --config ${ctx.configPath}`);
    line(`    ${cli} keys rotate --config ${ctx.configPath}`);
    line("    pnpm demo --users 50000          a bigger tenant");
    line("    pnpm demo --serve                the admin console on this data, in a browser");
    line("    docs/getting-started.md          the same against your own Entra ID tenant");
    return {
      database: ctx.databasePath,
      config: ctx.configPath,
      keyRingFile: ctx.keyRingPath,
      users: users.length,
      activeUsers: active,
      integrationId,
      sapIntegrationId: ctx.sapIntegrationId ?? null,
      sapAssets,
      sapUsers,
    };
  },
};
