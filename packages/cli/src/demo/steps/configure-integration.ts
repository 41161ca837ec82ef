import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "@uslimato/simulators";
import { resolveConfigPaths } from "../../config/load-config";
import { writeConfig } from "../../config/write-config";
import { DEMO_ONLY_WARNING } from "../../keys/key-ring-file";
import { newKeyRingFile, writeKeyRingFile } from "../../keys/key-ring-store";
import { openRuntime } from "../../runtime/open-runtime";
import type { DemoStep } from "../demo-context";

/**
 * Step 2: a temp folder with a config file, a freshly generated DEMO-ONLY key ring and a SQLite file; the hub over
 * them; and an Entra integration pointing at the simulator. A real tenant differs only in the endpoints.
 */
export const configureIntegration: DemoStep = {
  name: "configure",
  title: "Configure an Entra ID integration (SQLite store, demo-only key ring)",
  async run(ctx) {
    const sim = ctx.sim;
    if (!sim) throw new Error("the simulator did not start");
    ctx.dataDir = await mkdtemp(join(tmpdir(), "uslimato-demo-"));
    ctx.configPath = join(ctx.dataDir, "config.json");
    const config = {
      database: ctx.database ?? "demo.db",
      keyRingFile: "demo-keys.json",
      plan: "enterprise" as const,
      tenantId: "demo",
    };
    const resolved = resolveConfigPaths(config, ctx.configPath);
    ctx.databasePath = resolved.database;
    ctx.keyRingPath = resolved.keyRingFile;
    await writeKeyRingFile(resolved.keyRingFile, newKeyRingFile({ demoOnly: true }));
    await writeConfig(ctx.configPath, config);
    // msal's requests reach the simulator because the integration's own endpoints say so (no shared network client).
    ctx.runtime = await openRuntime(resolved);
    const view = await ctx.runtime.hub.integrations.create({
      tenantId: config.tenantId,
      connectorId: "entra",
      name: "Microsoft Entra ID (simulated)",
      settings: {
        tenantId: sim.tenantId,
        clientId: DEFAULT_CLIENT_ID,
        scope: "users",
        endpoints: {
          authorityHost: sim.authorityHost,
          graphBaseUrl: `${sim.graphBaseUrl}/v1.0`,
          scope: "https://graph.microsoft.com/.default",
        },
      },
      secrets: { clientSecret: DEFAULT_CLIENT_SECRET },
      intervalMinutes: 60,
    });
    ctx.integrationId = view.id;
    const { colors, line } = ctx.output;
    line(`  ${colors.yellow(colors.bold(`⚠ ${DEMO_ONLY_WARNING}`))}`);
    line(`  key ring  ${resolved.keyRingFile} (generated, mode 0600)`);
    line(`  database  ${resolved.database} (SQLite)`);
    line(
      `  integration ${view.id}: ${view.name}; ${view.secrets.map((s) => `${s.name} ${s.configured ? "configured" : "not set"}`).join(", ")}`,
    );
    return {
      dataDir: ctx.dataDir,
      database: resolved.database,
      keyRingFile: resolved.keyRingFile,
      demoOnlyKeyRing: true,
      integrationId: view.id,
      secrets: view.secrets.map((s) => ({ name: s.name, configured: s.configured })),
    };
  },
};
