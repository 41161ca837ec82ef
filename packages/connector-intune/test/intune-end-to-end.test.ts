import { SWEEP_INCOMPLETE } from "@uslimato/core";
import { LISTING_INCOMPLETE } from "@uslimato/core/connector";
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

/** Devices whose last check-in lies well before the first sweep, so only their own changes can move them. */
function quietDevices(env: Setup, count: number, from = 0): string[] {
  const ids: string[] = [];
  const before = Date.now() - 3_600_000;
  for (let i = from; ids.length < count; i++) {
    const device = env.sim.model.device(i);
    if (
      device.userId &&
      device.complianceState === "compliant" &&
      Date.parse(device.lastSyncDateTime) < before
    )
      ids.push(device.id);
  }
  return ids;
}

describe("Intune end to end against the Graph simulator (20,000 devices with owners)", () => {
  let env: Setup;
  const expected = new Map<string, ExpectedDevice>();
  const check = () => expectDevicesToMatch(env.storage, env.id, expected);
  let retired = "";

  beforeAll(async () => {
    env = await setupIntune({ users: 10_000, devices: 20_000, seed: 21 });
  }, 60_000);
  afterAll(async () => {
    await env?.sim.close();
  });

  it("first sweep: every device created, with its owner waiting for the Entra users", async () => {
    const log = await env.hub.syncNow(env.id);
    expect(log).toMatchObject({ status: "success", mode: "full", failureCode: null });
    expect(log.pages).toBe(20);
    expect(log.counts).toMatchObject({ created: 20_000, failed: 0 });
    applySweep(env.sim, expected);
    await check();
    const owned = [...expected.values()].filter((d) => d.ownerId !== null).length;
    expect(owned).toBe(18_000);
    expect(await env.hub.records.listUnowned("host-1", "device", { limit: 100_000 })).toHaveLength(20_000);
  });

  it("devices resolve to the Entra users once the Entra integration syncs them (Intune first)", async () => {
    const log = await env.hub.syncNow(env.entraId);
    expect(log.status).toBe("success");
    const unowned = await env.hub.records.listUnowned("host-1", "device", { limit: 100_000 });
    expect(unowned).toHaveLength(2_000);
    const device = env.sim.model.device(0);
    const links = await env.storage.inspect.listLinks(env.entraId, { limit: 100_000 });
    const userId = links.find((l) => l.externalId === device.userId)?.userId;
    expect(userId).toBeDefined();
    const mine = await env.hub.records.listByOwner(userId as string, { kind: "device" });
    expect(mine.map((r) => r.externalId)).toContain(device.id);
    expect(mine.every((r) => r.owner?.externalUserId === device.userId)).toBe(true);
  });

  it("changes of every kind: the incremental read picks up what moved lastSyncDateTime, the next sweep the rest", async () => {
    const { model } = env.sim;
    const [synced, flipped, retiring, deleted, owned, renamed, wiped] = quietDevices(env, 7) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    retired = retiring;
    const newOwner = model.device(5).userId as string;
    const added = model.addDevice({}, { ownerId: newOwner });
    model.syncDevice(synced, { osVersion: "99.1" });
    model.setDeviceCompliance(flipped, "noncompliant");
    model.retireDevice(retired);
    model.wipeDevice(wiped);
    model.deleteDevice(deleted);
    model.completeDeviceAction(deleted);
    model.setDeviceOwner(owned, newOwner, { movesLastSync: false });
    model.renameDevice(renamed, "Renamed by an admin");

    const since = await incrementalSince(env.storage, env.id);
    const log = await env.hub.syncNow(env.id);
    expect(log).toMatchObject({ status: "success", mode: "incremental" });
    expect(log.counts).toMatchObject({ created: 1, updated: 1, deactivated: 0, failed: 0 });
    applyIncremental(env.sim, expected, since);
    await check();
    expect(expected.get(added.id)?.ownerId).toBe(newOwner);
    // Not seen yet: server-side changes do not move lastSyncDateTime.
    const stored = new Map(
      (await env.storage.inspect.listRecords(env.id, "device")).map((r) => [r.externalId, r]),
    );
    expect(stored.get(flipped)?.data.complianceState).not.toBe("noncompliant");
    expect(stored.get(deleted)?.removed).toBe(false);

    const sweep = await env.hub.syncNow(env.id, { full: true });
    expect(sweep).toMatchObject({ status: "success", mode: "full" });
    applySweep(env.sim, expected);
    await check();
    const after = new Map(
      (await env.storage.inspect.listRecords(env.id, "device")).map((r) => [r.externalId, r]),
    );
    expect(after.get(flipped)?.data).toMatchObject({ complianceState: "noncompliant", compliant: false });
    expect(after.get(retired)?.data.managementState).toBe("retirePending");
    expect(after.get(wiped)?.data.managementState).toBe("wipePending");
    expect(after.get(deleted)?.removed).toBe(true);
    expect(after.get(owned)?.owner?.externalUserId).toBe(newOwner);
    expect(after.get(renamed)?.data.managedName).toBe("Renamed by an admin");
    const newOwnerLink = (await env.storage.inspect.listLinks(env.entraId, { limit: 100_000 })).find(
      (l) => l.externalId === newOwner,
    );
    expect(after.get(owned)?.owner?.userId).toBe(newOwnerLink?.userId);
  });

  it("an owner change that moves lastSyncDateTime is picked up by the incremental read", async () => {
    const { model } = env.sim;
    const [owned] = quietDevices(env, 1, 1000) as [string];
    const newOwner = model.device(7).userId as string;
    model.setDeviceOwner(owned, newOwner, { movesLastSync: true });
    const since = await incrementalSince(env.storage, env.id);
    const log = await env.hub.syncNow(env.id);
    expect(log).toMatchObject({ status: "success", mode: "incremental" });
    expect(log.counts).toMatchObject({ created: 0, updated: 1, failed: 0 });
    applyIncremental(env.sim, expected, since);
    await check();
    const stored = (await env.storage.inspect.listRecords(env.id, "device")).find(
      (r) => r.externalId === owned,
    );
    expect(stored?.owner?.externalUserId).toBe(newOwner);
  });

  it("a device gone from Intune lowers its count: the next run sweeps by itself and removes it", async () => {
    env.sim.model.completeDeviceAction(retired); // the retire completes: gone from Intune
    const log = await env.hub.syncNow(env.id);
    expect(log).toMatchObject({ status: "success", mode: "full" });
    expect(log.notices.map((n) => n.code)).toContain("INTUNE_DEVICES_LEFT");
    applySweep(env.sim, expected);
    await check();
    const records = await env.storage.inspect.listRecords(env.id, "device");
    expect(records.find((r) => r.externalId === retired)?.removed).toBe(true);
  });

  it("a truncated listing (count announced) removes nothing and the run says so", async () => {
    env.sim.faults.inject({
      kind: "truncatedListing",
      match: "/v1.0/deviceManagement/managedDevices",
      after: 4,
      times: 1,
    });
    const log = await env.hub.syncNow(env.id, { full: true });
    expect(log.status).toBe("success");
    const codes = log.notices.map((n) => n.code);
    expect(codes).toContain(SWEEP_INCOMPLETE);
    expect(codes).toContain(LISTING_INCOMPLETE);
    expect(log.notices.find((n) => n.code === LISTING_INCOMPLETE)?.message).toMatch(/of the 19999 devices/);
    const records = await env.storage.inspect.listRecords(env.id, "device");
    expect(records.filter((r) => r.removed).length).toBe(2);
    expect(records.some((r) => r.pendingRemoval)).toBe(false);
    const next = await env.hub.syncNow(env.id);
    expect(next.mode).toBe("full");
    await check();
  });

  it("a truncated listing whose last page announces only what it served is caught all the same", async () => {
    env.sim.faults.inject({
      kind: "truncatedListing",
      match: "/v1.0/deviceManagement/managedDevices",
      after: 2,
      times: 1,
      reportedCount: "truncated",
    });
    const log = await env.hub.syncNow(env.id, { full: true });
    expect(log.notices.map((n) => n.code)).toContain(SWEEP_INCOMPLETE);
    expect(log.notices.find((n) => n.code === LISTING_INCOMPLETE)?.message).toMatch(
      /ended after 2500 of the 19999 devices/,
    );
    const records = await env.storage.inspect.listRecords(env.id, "device");
    expect(records.filter((r) => r.removed).length).toBe(2);
    await env.hub.syncNow(env.id);
    await check();
  });
});
