import { createIntuneWatcher, type IntuneWatcher } from "@uslimato/connector-intune";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupIntune } from "./fixtures/setup-intune";
import { nextSync } from "./fixtures/wait-for-sync";

type Setup = Awaited<ReturnType<typeof setupIntune>>;

const INTERVAL = 300;
/** The host's clock runs this far ahead of Intune's (within the connector's default 60 s clock skew). */
const AHEAD_MS = 5_000;

describe("the Intune change watcher on a host whose clock is ahead of Intune's", () => {
  let env: Setup;
  let watcher: IntuneWatcher;

  beforeAll(async () => {
    env = await setupIntune({
      users: 100,
      devices: 80,
      seed: 12,
      settings: { watch: { auditEvents: true } },
      connector: { clock: () => new Date(Date.now() + AHEAD_MS) },
    });
    await env.hub.syncNow(env.entraId);
    await env.hub.syncNow(env.id);
    watcher = createIntuneWatcher({
      hub: env.hub,
      connector: env.connectorOptions,
      intervalMs: INTERVAL,
      minIntervalMs: 100,
      debounceMs: 20,
      maxWaitMs: 200,
    });
    await watcher.ensure(env.id);
  }, 60_000);
  afterAll(async () => {
    await watcher?.close();
    await env?.sim.close();
  });

  it("still sees an audit event written right after ensure (Intune's timestamps are behind the host's clock)", async () => {
    const device = env.sim.model.device(4);
    const sync = nextSync(env.hub, env.id, INTERVAL * 6);
    env.sim.model.retireDevice(device.id);
    env.sim.model.completeDeviceAction(device.id);
    const { log } = await sync;
    expect(log).toMatchObject({
      trigger: "watch",
      mode: "full",
      status: "success",
      counts: { deactivated: 1 },
    });
    expect(log.reason).toMatch(/Intune audit: Retire ManagedDevice/);
  });
});
