import { createIntuneWatcher } from "@uslimato/connector-intune";
import type { SyncLog } from "@uslimato/core";
import { formatSyncLogs } from "../../output/format-sync-log";
import { type DemoStep, requireLive } from "../demo-context";
import { logFacts } from "../run-sync-step";

const WAIT_MS = 20_000;
/** The demo's watcher interval (a host keeps the default 2 minutes: it costs at most 3 requests a round). */
const INTERVAL_MS = 300;

/**
 * Intune has no change notifications, so a watcher polls cheaply: an admin retires a device, the retire completes,
 * the watcher's next round reads it in Intune's audit events, and its sync (trigger `watch`) sweeps and removes it.
 */
export const intuneWatcher: DemoStep = {
  name: "intuneWatch",
  title: "Intune change watcher (a device retired, noticed by a probe, a watch-triggered sync)",
  async run(ctx) {
    const { sim, runtime } = requireLive(ctx);
    const { hub } = runtime;
    const [intune] = await hub.integrations.list({ connectorId: "intune" });
    if (!intune) throw new Error("the Intune step did not complete");
    const watcher = createIntuneWatcher({
      hub,
      connector: runtime.intuneConnectorOptions,
      intervalMs: INTERVAL_MS,
      minIntervalMs: 100,
      debounceMs: ctx.debounceMs,
      maxWaitMs: ctx.debounceMs * 10,
    });
    const line = ctx.output.line;
    try {
      await watcher.ensure(intune.id);
      line(
        `  watching ${intune.id} every ${INTERVAL_MS} ms (the default is 2 min, at most 3 requests a round)`,
      );
      let device: { id: string; deviceName: string } | undefined;
      for (let i = 0; i < sim.model.deviceSlots && !device; i++)
        if (sim.model.deviceEntry(i).state === "active") device = sim.model.device(i);
      if (!device) throw new Error("the tenant has no device to retire");
      const before = Date.now();
      sim.model.retireDevice(device.id);
      sim.model.completeDeviceAction(device.id);
      line(`  retired      ${device.deviceName} (${device.id}): it left Intune's listings`);
      const deadline = before + WAIT_MS;
      let log: SyncLog | undefined;
      while (!log) {
        const [latest] = await hub.syncLogs(intune.id, { limit: 1 });
        if (latest?.trigger === "watch" && latest.status !== "running") log = latest;
        else if (Date.now() > deadline) throw new Error("no watch-triggered sync within 20 s");
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await watcher.idle();
      const stats = watcher.stats(intune.id);
      line(`  probe noticed it, sync done ${Date.now() - before} ms after the retire: ${log.reason ?? ""}`);
      line(formatSyncLogs([log], ctx.output.colors).replace(/^/gm, "  "));
      const [stored] = await runtime.storage.directory.findRecords(intune.id, "device", [device.id]);
      if (log.status !== "success" || !stored?.removed)
        throw new Error(`the watch-triggered sync ended ${log.status}; device removed: ${stored?.removed}`);
      line(`  ${ctx.output.colors.dim("stored device")} ${device.deviceName} removed=${stored.removed}`);
      line(`  watcher so far: ${stats.probes} rounds, ${stats.requests} requests, ${stats.syncs} sync(s)`);
      return { integrationId: intune.id, retired: device.id, sync: logFacts(log), watcher: stats };
    } finally {
      await watcher.close();
    }
  },
};
