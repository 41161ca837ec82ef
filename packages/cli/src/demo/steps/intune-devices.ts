import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "@uslimato/simulators";
import { formatConnectionTest } from "../../output/format-connection-test";
import { type DemoStep, requireLive } from "../demo-context";
import { logFacts, runSyncStep } from "../run-sync-step";

/**
 * Intune next to Entra: an Intune integration on the same simulated tenant (the same app registration), its
 * connection test and a first full sweep of the managed devices, each owned by a user the Entra integration synced.
 */
export const intuneDevices: DemoStep = {
  name: "intuneDevices",
  title: "Intune devices next to Entra (same tenant, owners are the synced Entra users)",
  async run(ctx) {
    const { sim, runtime } = requireLive(ctx);
    const { hub } = runtime;
    const view = await hub.integrations.create({
      tenantId: "demo",
      connectorId: "intune",
      name: "Microsoft Intune (simulated)",
      settings: {
        tenantId: sim.tenantId,
        clientId: DEFAULT_CLIENT_ID,
        endpoints: {
          authorityHost: sim.authorityHost,
          graphBaseUrl: `${sim.graphBaseUrl}/v1.0`,
          scope: "https://graph.microsoft.com/.default",
        },
        // The watcher also reads Intune's audit events, so a retire or wipe shows within one interval.
        watch: { auditEvents: true },
      },
      secrets: { clientSecret: DEFAULT_CLIENT_SECRET },
      intervalMinutes: 60,
    });
    const { line, colors } = ctx.output;
    line(`  integration ${view.id}: ${view.name}`);
    const test = await hub.testConnection(view.id);
    line(formatConnectionTest(test, colors));
    if (!test.ok) throw Object.assign(new Error(test.message), { code: test.code });
    const total = sim.model.deviceCount;
    const log = await runSyncStep(ctx, total, { integrationId: view.id, noun: "devices" });
    if (log.mode !== "full" || log.counts.created !== total)
      throw new Error(
        `expected ${total} devices created by a sweep, got ${log.counts.created} (${log.mode})`,
      );
    const devices = await runtime.storage.inspect.listRecords(view.id, "device");
    const owned = devices.filter((d) => d.owner?.userId);
    const [sample] = owned;
    line(
      `  ${owned.length} of ${devices.length} devices owned by Entra-synced users, ${devices.length - owned.length} userless`,
    );
    if (sample)
      line(
        `  ${colors.dim("stored device")} ${String(sample.data.name)}  ${String(sample.data.operatingSystem)}  compliance=${String(sample.data.complianceState)}  owner=${sample.owner?.email} -> host user ${sample.owner?.userId}`,
      );
    return { integrationId: view.id, ...logFacts(log), devices: devices.length, owned: owned.length };
  },
};
