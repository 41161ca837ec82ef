import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createGraphHandlers,
  createGraphModel,
  type GraphModel,
  type GraphSimulator,
  startGraphSimulator,
} from "../src/index";
import { followAll, getToken, graphGet, type Page } from "./fixtures/index";

type Row = Record<string, unknown>;
const DEVICES = "/v1.0/deviceManagement/managedDevices";

describe("Intune device changes: lifecycle, Entra devices and delta, audit events", () => {
  let sim: GraphSimulator;
  let token: string;
  let now = Date.parse("2026-03-01T12:00:00Z");
  const tick = (ms = 60_000) => {
    now += ms;
  };
  const listing = async () =>
    new Map((await followAll(`${sim.graphBaseUrl}${DEVICES}`, token)).items.map((d) => [d.id as string, d]));
  const since = (mark: string) =>
    followAll(
      `${sim.graphBaseUrl}${DEVICES}?$filter=lastSyncDateTime gt ${mark}&$select=id,lastSyncDateTime`,
      token,
    );
  beforeAll(async () => {
    const model = createGraphModel({ users: 100, devices: 300, seed: 11, clock: () => new Date(now) });
    sim = await startGraphSimulator({ model });
    token = await getToken(sim);
  });
  afterAll(() => sim.close());

  it("adds devices and moves lastSyncDateTime on a check-in, but not on a server-side compliance flip", async () => {
    const before = await listing();
    tick();
    const mark = new Date(now).toISOString().slice(0, 19) + "Z";
    tick();
    const owner = sim.model.userEntry(7).user;
    const added = sim.model.addDevice({ deviceName: "NEW-LAPTOP" }, { ownerId: owner.id });
    const synced = sim.model.syncDevice(sim.model.device(1).id, { osVersion: "10.0.26100.9999" });
    const flipped = sim.model.device(0);
    sim.model.setDeviceCompliance(flipped.id, "noncompliant");
    const after = await listing();
    expect(after.size).toBe(before.size + 1);
    expect(after.get(added.id)).toMatchObject({
      deviceName: "NEW-LAPTOP",
      userId: owner.id,
      userPrincipalName: owner.userPrincipalName,
      lastSyncDateTime: added.enrolledDateTime,
    });
    expect(after.get(synced.id)).toMatchObject({ osVersion: "10.0.26100.9999" });
    expect(after.get(flipped.id)).toMatchObject({
      complianceState: "noncompliant",
      lastSyncDateTime: flipped.lastSyncDateTime,
    });
    const incremental = await since(mark);
    expect(incremental.items.map((d) => d.id).sort()).toEqual([added.id, synced.id].sort());
    const mine = await graphGet<Page>(
      `${sim.graphBaseUrl}/v1.0/users/${owner.id}/managedDevices?$select=id`,
      token,
    );
    expect(mine.body.value).toContainEqual({ id: added.id });
  });

  it("retires, wipes and deletes through pending managementStates, then the device is gone", async () => {
    const [retired, wiped, deleted] = [10, 11, 12].map((i) => sim.model.device(i).id) as [
      string,
      string,
      string,
    ];
    tick();
    sim.model.retireDevice(retired);
    sim.model.wipeDevice(wiped);
    sim.model.deleteDevice(deleted);
    const pending = await listing();
    expect([retired, wiped, deleted].map((id) => pending.get(id)?.managementState)).toEqual([
      "retirePending",
      "wipePending",
      "deletePending",
    ]);
    const counted = await graphGet<Page & { "@odata.count": number }>(
      `${sim.graphBaseUrl}${DEVICES}?$count=true&$top=1`,
      token,
    );
    const live = counted.body["@odata.count"];
    for (const id of [retired, wiped, deleted]) sim.model.completeDeviceAction(id);
    const after = await listing();
    expect(after.size).toBe(live - 3);
    expect([retired, wiped, deleted].some((id) => after.has(id))).toBe(false);
    expect((await graphGet(`${sim.graphBaseUrl}${DEVICES}/${retired}`, token)).status).toBe(404);
    expect(() => sim.model.completeDeviceAction(sim.model.device(13).id)).toThrow(/no pending/);
  });

  it("changes the primary user (lastSyncDateTime stays by default; the switch moves it) and renames", async () => {
    const device = sim.model.device(20);
    const newOwner = sim.model.userEntry(42).user;
    tick();
    const changed = sim.model.setDeviceOwner(device.id, newOwner.id);
    expect(changed).toMatchObject({ userId: newOwner.id, lastSyncDateTime: device.lastSyncDateTime });
    tick();
    const moved = sim.model.setDeviceOwner(device.id, null, { movesLastSync: true });
    expect(moved.userId).toBe("");
    expect(moved.lastSyncDateTime).toBe(new Date(now).toISOString().slice(0, 19) + "Z");
    const renamed = sim.model.renameDevice(sim.model.device(21).id, "Front desk kiosk");
    expect(renamed.lastSyncDateTime).toBe(sim.model.device(21).lastSyncDateTime);
    const got = await graphGet<Row>(
      `${sim.graphBaseUrl}${DEVICES}/${renamed.id}?$select=id,managedDeviceName`,
      token,
    );
    expect(got.body.managedDeviceName).toBe("Front desk kiosk");
    const switched = createGraphModel({ users: 10, devices: 10, seed: 1, ownerChangeMovesLastSync: true });
    const before = switched.device(0).lastSyncDateTime;
    expect(
      switched.setDeviceOwner(switched.device(0).id, switched.userEntry(5).user.id).lastSyncDateTime,
    ).not.toBe(before);
  });

  it("writes audit events for retire, wipe, delete, owner change and rename, filterable by activityDateTime", async () => {
    const all = await followAll(`${sim.graphBaseUrl}/v1.0/deviceManagement/auditEvents`, token);
    expect(all.items.map((e) => e.activityType)).toEqual([
      "Retire ManagedDevice",
      "Wipe ManagedDevice",
      "Delete ManagedDevice",
      "Patch ManagedDevice",
      "Patch ManagedDevice",
      "Patch ManagedDevice",
    ]);
    const first = all.items[0] as { resources: Array<Row>; activityDateTime: string };
    expect(first.resources[0]).toMatchObject({
      resourceId: sim.model.device(10).id,
      modifiedProperties: [
        { displayName: "ManagementState", oldValue: "managed", newValue: "retirePending" },
      ],
    });
    const cut = (all.items[2] as Row).activityDateTime as string;
    const later = await followAll(
      `${sim.graphBaseUrl}/v1.0/deviceManagement/auditEvents?$filter=activityDateTime gt ${cut}`,
      token,
    );
    expect(later.items).toHaveLength(3);
    const newest = await graphGet<Page>(
      `${sim.graphBaseUrl}/v1.0/deviceManagement/auditEvents?$orderby=activityDateTime desc&$top=2`,
      token,
    );
    expect(newest.body.value.map((e) => e.id)).toEqual([all.items[5]?.id, all.items[4]?.id]);
    expect(newest.body["@odata.nextLink"]).toBeDefined();
  });

  it("serves Entra devices consistent with the managed devices: deviceId, isCompliant, isManaged", async () => {
    const entra = await followAll(`${sim.graphBaseUrl}/v1.0/devices?$top=999`, token);
    const managed = [...(await listing()).values()];
    const registered = managed.filter((d) => d.azureADDeviceId && !/^0{8}-/.test(String(d.azureADDeviceId)));
    // live managed devices with an Entra device, plus the retired and the wiped one (unmanaged); the deleted one is gone
    expect(entra.items).toHaveLength(registered.length + 2);
    const device = registered[5] as Row;
    const found = await graphGet<Page>(
      `${sim.graphBaseUrl}/v1.0/devices?$filter=deviceId eq '${device.azureADDeviceId}'`,
      token,
    );
    expect(found.body.value).toEqual([
      expect.objectContaining({
        deviceId: device.azureADDeviceId,
        displayName: device.deviceName,
        isManaged: true,
        isCompliant: device.complianceState === "compliant" || device.complianceState === "inGracePeriod",
        accountEnabled: true,
      }),
    ]);
    const retired = entra.items.find((d) => d.deviceId === sim.model.device(10).azureADDeviceId);
    expect(retired).toMatchObject({ isManaged: false, mdmAppId: null });
    expect(entra.items.some((d) => d.deviceId === sim.model.device(12).azureADDeviceId)).toBe(false);
  });

  it("reports compliance flips, retirements and deletions in /devices/delta; $deltaToken=latest starts now", async () => {
    const latest = await graphGet<Page>(`${sim.graphBaseUrl}/v1.0/devices/delta?$deltaToken=latest`, token);
    expect(latest.body.value).toEqual([]);
    const initial = await followAll(
      `${sim.graphBaseUrl}/v1.0/devices/delta?$select=deviceId,isCompliant,isManaged`,
      token,
    );
    expect(initial.items.length).toBeGreaterThan(200);
    const compliant = [30, 31, 32, 33, 34]
      .map((i) => sim.model.device(i))
      .find((d) => d.complianceState === "compliant");
    const flip = compliant?.id as string;
    tick();
    sim.model.setDeviceCompliance(flip, "noncompliant");
    sim.model.syncDevice(sim.model.device(40).id);
    const doomed = sim.model.device(50);
    sim.model.deleteDevice(doomed.id);
    sim.model.completeDeviceAction(doomed.id);
    for (const link of [latest.body["@odata.deltaLink"], initial.deltaLink]) {
      const round = await followAll(link as string, token);
      expect(round.items).toContainEqual(
        expect.objectContaining({ deviceId: compliant?.azureADDeviceId, isCompliant: false }),
      );
      expect(round.items).toContainEqual(expect.objectContaining({ "@removed": { reason: "deleted" } }));
      // a check-in alone changes nothing Entra's delta reports
      expect(round.items.some((d) => d.deviceId === sim.model.device(40).azureADDeviceId)).toBe(false);
    }
  });
});

describe("Intune compliance policies and device statuses", () => {
  let sim: GraphSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 100, devices: 400, seed: 6 } });
    token = await getToken(sim);
  });
  afterAll(() => sim.close());

  it("lists policies and per-policy device statuses with the documented fields", async () => {
    const policies = await graphGet<Page>(
      `${sim.graphBaseUrl}/v1.0/deviceManagement/deviceCompliancePolicies`,
      token,
    );
    expect(policies.body.value.length).toBe(5);
    const windows = policies.body.value.find(
      (p) => p["@odata.type"] === "#microsoft.graph.windows10CompliancePolicy",
    ) as Row;
    expect(windows).not.toHaveProperty("platform");
    const one = await graphGet<Row>(
      `${sim.graphBaseUrl}/v1.0/deviceManagement/deviceCompliancePolicies/${windows.id}`,
      token,
    );
    expect(one.body.displayName).toBe(windows.displayName);
    const url = `${sim.graphBaseUrl}/v1.0/deviceManagement/deviceCompliancePolicies/${windows.id}/deviceStatuses`;
    const statuses = await followAll(`${url}?$top=100`, token);
    const windowsDevices = Array.from({ length: 400 }, (_, i) => sim.model.device(i)).filter(
      (d) => d.operatingSystem === "Windows",
    );
    expect(statuses.items).toHaveLength(windowsDevices.length);
    expect(Object.keys(statuses.items[0] as Row).sort()).toEqual(
      [
        "id",
        "deviceDisplayName",
        "userName",
        "deviceModel",
        "complianceGracePeriodExpirationDateTime",
        "status",
        "lastReportedDateTime",
        "userPrincipalName",
      ].sort(),
    );
    expect(statuses.items.map((s) => s.deviceDisplayName)).toEqual(windowsDevices.map((d) => d.deviceName));
    expect(statuses.items.map((s) => s.id)).not.toContain(windowsDevices[0]?.id);
    sim.faults.inject({ kind: "truncatedListing", match: /deviceStatuses/, keep: 51, times: 1 });
    const short = await graphGet<Page>(url, token);
    expect(short.body.value).toHaveLength(51);
    expect(short.body["@odata.nextLink"]).toBeUndefined();
  });

  it("meters compliance requests on the device-configuration budget", async () => {
    const local = await startGraphSimulator({ model: sim.model, intuneRequestLimits: { configuration: 1 } });
    const localToken = await getToken(local);
    const url = `${local.graphBaseUrl}/v1.0/deviceManagement/deviceCompliancePolicies`;
    expect((await graphGet(url, localToken)).status).toBe(200);
    expect((await graphGet(url, localToken)).status).toBe(429);
    expect((await graphGet(`${local.graphBaseUrl}${DEVICES}?$top=1`, localToken)).status).toBe(200);
    await local.close();
  });
});

describe("Intune over msw and at scale", () => {
  it("serves the same pages over msw as over HTTP", async () => {
    const model = createGraphModel({ users: 50, devices: 60, seed: 9 });
    const sim = await startGraphSimulator({ model });
    const server = setupServer(...createGraphHandlers(model, { baseUrl: "https://graph.microsoft.com" }));
    server.listen({ onUnhandledFrame: "bypass" });
    try {
      const httpToken = await getToken(sim);
      const mswToken = await getToken({ url: "https://login.microsoftonline.com", tenantId: model.tenantId });
      for (const path of [
        `${DEVICES}?$top=25&$filter=userId eq 'x'`,
        `${DEVICES}/${model.device(3).id}?$select=id,udid,notes`,
        "/v1.0/deviceManagement/deviceCompliancePolicies",
        "/v1.0/devices?$top=7",
      ]) {
        const overHttp = await graphGet(`${sim.graphBaseUrl}${path}`, httpToken);
        const overMsw = await graphGet(`https://graph.microsoft.com${path}`, mswToken);
        expect(overMsw.status, path).toBe(200);
        expect(JSON.stringify(overMsw.body).replaceAll("https://graph.microsoft.com", "")).toBe(
          JSON.stringify(overHttp.body).replaceAll(sim.graphBaseUrl, ""),
        );
      }
      const denied = await graphGet<{ error: { code: string } }>(
        `https://graph.microsoft.com${DEVICES}`,
        "bad",
      );
      expect(denied.status).toBe(401);
    } finally {
      server.close();
      await sim.close();
    }
  });

  it("generates 200,000 devices in O(1) each, with ids that map back to their slot", () => {
    const started = performance.now();
    const model: GraphModel = createGraphModel({ users: 100_000, devices: 200_000, seed: 4 });
    const last = model.device(199_999);
    expect(model.deviceIndex(last.id)).toBe(199_999);
    expect(model.getDevice(last.id)?.serialNumber).toBe(last.serialNumber);
    expect(model.counts().devices).toBe(200_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
