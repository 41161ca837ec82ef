import { createIntuneWatcher, type IntuneWatcher } from "@uslimato/connector-intune";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySweep, type ExpectedDevice, expectDevicesToMatch } from "./fixtures/expected-devices";
import { setupIntune } from "./fixtures/setup-intune";
import { nextSync } from "./fixtures/wait-for-sync";

type Setup = Awaited<ReturnType<typeof setupIntune>>;

const INTERVAL = 400;

describe("the Intune change watcher", () => {
  let env: Setup;
  let watcher: IntuneWatcher;
  const expected = new Map<string, ExpectedDevice>();

  beforeAll(async () => {
    env = await setupIntune({
      users: 300,
      devices: 600,
      seed: 5,
      settings: { watch: { entraDevices: true, auditEvents: true } },
    });
    await env.hub.syncNow(env.id);
    await env.hub.syncNow(env.entraId);
    applySweep(env.sim, expected);
    watcher = createIntuneWatcher({
      hub: env.hub,
      connector: env.connectorOptions,
      intervalMs: INTERVAL,
      minIntervalMs: 100,
      debounceMs: 20,
      maxWaitMs: 200,
    });
    await watcher.ensure(env.id);
    // The first round sets the Entra delta link ("from now"): let it pass.
    await new Promise((r) => setTimeout(r, INTERVAL * 1.5));
    await watcher.idle();
  }, 60_000);
  afterAll(async () => {
    await watcher?.close();
    await env?.sim.close();
  });

  it("notices a check-in within one interval and runs an incremental sync whose log says watch", async () => {
    const device = env.sim.model.device(3);
    const changedAt = Date.now();
    const sync = nextSync(env.hub, env.id, INTERVAL * 4);
    const synced = env.sim.model.syncDevice(device.id);
    const { log, startedAt } = await sync;
    expect(startedAt - changedAt).toBeLessThan(INTERVAL + 300);
    expect(log).toMatchObject({ trigger: "watch", mode: "incremental", status: "success" });
    expect(log.reason).toMatch(/device\(s\) checked in/);
    expect(log.counts.updated).toBe(1);
    const stored = (await env.storage.inspect.listRecords(env.id, "device")).find(
      (r) => r.externalId === device.id,
    );
    expect(stored?.data.lastSeen).toBe(synced.lastSyncDateTime);
  });

  it("turns a retire seen in the audit events and Entra into a sweep that removes the device", async () => {
    const device = env.sim.model.device(10);
    const sync = nextSync(env.hub, env.id, INTERVAL * 4);
    env.sim.model.deleteDevice(device.id);
    env.sim.model.completeDeviceAction(device.id);
    const { log } = await sync;
    expect(log).toMatchObject({ trigger: "watch", mode: "full", status: "success" });
    expect(log.reason).toMatch(/Intune audit: Delete ManagedDevice|Entra reported/);
    await watcher.idle();
    applySweep(env.sim, expected);
    await expectDevicesToMatch(env.storage, env.id, expected);
  });

  it("costs at most 3 requests per interval, and nudge runs a sync on the host's word", async () => {
    const stats = watcher.stats(env.id);
    expect(stats.probes).toBeGreaterThan(2);
    expect(stats.requests).toBeLessThanOrEqual(stats.probes * 3);
    const sync = nextSync(env.hub, env.id, 2000);
    await watcher.nudge(env.id, { reason: "event hub said so" });
    const { log } = await sync;
    expect(log).toMatchObject({ trigger: "watch", reason: "event hub said so" });
  });

  it("stops watching a disabled integration and closes cleanly", async () => {
    await env.hub.integrations.disable(env.id);
    const before = watcher.stats(env.id).probes;
    await new Promise((r) => setTimeout(r, INTERVAL * 2));
    expect(watcher.stats(env.id).probes).toBe(before);
    await watcher.close();
    await watcher.idle();
  });
});
