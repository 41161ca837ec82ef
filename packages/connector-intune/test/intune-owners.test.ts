import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyIncremental,
  applySweep,
  type ExpectedDevice,
  expectDevicesToMatch,
  incrementalSince,
} from "./fixtures/expected-devices";
import { setupIntune } from "./fixtures/setup-intune";

type Setup = Awaited<ReturnType<typeof setupIntune>>;

describe("owners: Entra synced first, a tenant where an admin's owner change moves lastSyncDateTime", () => {
  let env: Setup;
  const expected = new Map<string, ExpectedDevice>();
  beforeAll(async () => {
    env = await setupIntune({ users: 1000, devices: 2000, seed: 33, ownerChangeMovesLastSync: true });
  }, 60_000);
  afterAll(async () => env?.sim.close());

  it("devices resolve to the Entra users at once when Entra synced first", async () => {
    await env.hub.syncNow(env.entraId);
    const log = await env.hub.syncNow(env.id);
    expect(log.counts).toMatchObject({ created: 2000, failed: 0 });
    applySweep(env.sim, expected);
    await expectDevicesToMatch(env.storage, env.id, expected);
    // Userless devices (every tenth) are the only ones without an owner.
    expect(await env.hub.records.listUnowned("host-1", "device", { limit: 10_000 })).toHaveLength(200);
  });

  it("the model's owner change moves lastSyncDateTime, so the incremental read sees it and re-resolves", async () => {
    const device = env.sim.model.device(1);
    const newOwner = env.sim.model.device(2).userId as string;
    env.sim.model.setDeviceOwner(device.id, newOwner);
    const since = await incrementalSince(env.storage, env.id);
    const log = await env.hub.syncNow(env.id);
    expect(log).toMatchObject({ mode: "incremental", counts: { updated: 1 } });
    applyIncremental(env.sim, expected, since);
    await expectDevicesToMatch(env.storage, env.id, expected);
    const link = (await env.storage.inspect.listLinks(env.entraId, { limit: 10_000 })).find(
      (l) => l.externalId === newOwner,
    );
    const owned = await env.hub.records.listByOwner(link?.userId as string, { kind: "device" });
    expect(owned.map((r) => r.externalId)).toContain(device.id);
  });
});
