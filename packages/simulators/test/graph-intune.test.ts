import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphSimulator, startGraphSimulator } from "../src/index";
import { followAll, getToken, graphGet, type Page } from "./fixtures/index";

type Row = Record<string, unknown>;
type CountedPage = Page<Row> & { "@odata.count"?: number };
type ErrorBody = { error: { code: string; message: string; innerError: Record<string, string> } };

const DEVICES = "/v1.0/deviceManagement/managedDevices";

/** Unwraps Intune's double-encoded error: the outer code, the inner ErrorCode and the innermost Message. */
function intuneInner(body: ErrorBody): { code: string; errorCode: string; message: string } {
  const inner = JSON.parse(body.error.message) as { ErrorCode: string; Message: string };
  const innermost = JSON.parse(inner.Message) as { _version: number; Message: string };
  expect(innermost._version).toBe(3);
  return { code: body.error.code, errorCode: inner.ErrorCode, message: innermost.Message };
}

describe("Intune managed devices: filters Intune applies and ignores", () => {
  let sim: GraphSimulator;
  let token: string;
  const all = (query: string) => followAll(`${sim.graphBaseUrl}${DEVICES}?${query}`, token);
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 200, devices: 500, seed: 5 } });
    token = await getToken(sim);
  });
  afterAll(() => sim.close());

  it("ignores userId, deviceEnrollmentType and `or` of startsWith: every device, no 400", async () => {
    const userId = String(sim.model.device(0).userId);
    for (const filter of [
      `userId eq '${userId}'`,
      "deviceEnrollmentType eq 'windowsAzureADJoin'",
      "managedDeviceOwnerType eq 'company'",
      "startsWith(deviceName,'DESKTOP') or startsWith(deviceName,'IOS')",
      "operatingSystem eq 'iOS' or jailBroken eq 'True'",
      "not (operatingSystem eq 'iOS')",
      "skuFamily eq 'x'",
    ]) {
      const { items } = await all(`$filter=${encodeURIComponent(filter)}`);
      expect(items, filter).toHaveLength(500);
    }
  });

  it("applies lt/gt on the dates but ignores ge and le", async () => {
    const cut = sim.model.device(250).lastSyncDateTime;
    const expected = Array.from({ length: 500 }, (_, i) => sim.model.device(i)).filter(
      (d) => d.lastSyncDateTime > cut,
    );
    const gt = await all(`$filter=lastSyncDateTime gt ${cut}&$select=id,lastSyncDateTime`);
    expect(gt.items.map((d) => d.id)).toEqual(expected.map((d) => d.id));
    const enrolled = sim.model.device(250).enrolledDateTime;
    const lt = await all(`$filter=enrolledDateTime lt '${enrolled}'&$select=id`);
    expect(lt.items.length).toBeGreaterThan(0);
    expect(lt.items.length).toBeLessThan(500);
    expect((await all(`$filter=lastSyncDateTime ge ${cut}`)).items).toHaveLength(500);
    expect((await all(`$filter=lastSyncDateTime le ${cut}`)).items).toHaveLength(500);
    const mixed = await all(`$filter=lastSyncDateTime gt ${cut} and userId eq 'nobody'&$select=id`);
    expect(mixed.items).toHaveLength(expected.length);
  });

  it("applies operatingSystem eq, startsWith(deviceName), and eq/or on jailBroken and category", async () => {
    const devices = Array.from({ length: 500 }, (_, i) => sim.model.device(i));
    const windows = await all("$filter=operatingSystem eq 'Windows'&$select=id,operatingSystem");
    expect(windows.items).toHaveLength(devices.filter((d) => d.operatingSystem === "Windows").length);
    const desktop = await all(`$filter=${encodeURIComponent("startswith(deviceName,'DESKTOP-')")}`);
    expect(desktop.items.every((d) => String(d.deviceName).startsWith("DESKTOP-"))).toBe(true);
    expect(desktop.items).toHaveLength(windows.items.length);
    const jail = await all("$filter=jailBroken eq 'True' or jailBroken eq 'False'&$select=id");
    expect(jail.items).toHaveLength(devices.filter((d) => d.jailBroken !== "Unknown").length);
    const sales = await all("$filter=deviceCategoryDisplayName eq 'Sales'&$select=id");
    expect(sales.items).toHaveLength(devices.filter((d) => d.deviceCategoryDisplayName === "Sales").length);
    expect(sales.items.length).toBeGreaterThan(0);
  });

  it("ignores $orderby and refuses unknown properties and broken syntax", async () => {
    const plain = await all("$select=id");
    const ordered = await all("$select=id&$orderby=deviceName desc");
    expect(ordered.items).toEqual(plain.items);
    for (const filter of ["foo eq 1", "lastSyncDateTime gt", "lastSyncDateTime gt 'not-a-date'"]) {
      const { status, body } = await graphGet<ErrorBody>(
        `${sim.graphBaseUrl}${DEVICES}?$filter=${filter}`,
        token,
      );
      expect([status, body.error.code], filter).toEqual([400, "BadRequest"]);
    }
  });
});

describe("Intune managed devices: paging, counts, truncated listings, device shapes", () => {
  let sim: GraphSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 1000, devices: 2500, seed: 8 } });
    token = await getToken(sim);
  });
  afterAll(() => sim.close());

  it("pages 1000 at a time by default, clips a larger $top, and counts only with $count=true", async () => {
    const listing = await followAll(`${sim.graphBaseUrl}${DEVICES}?$select=id`, token);
    expect([listing.pages, listing.items.length]).toEqual([3, 2500]);
    expect(new Set(listing.items.map((d) => d.id)).size).toBe(2500);
    const big = await graphGet<CountedPage>(`${sim.graphBaseUrl}${DEVICES}?$top=5000`, token);
    expect(big.body.value).toHaveLength(1000);
    expect(big.body["@odata.nextLink"]).toMatch(/\$skiptoken=/);
    expect(big.body["@odata.count"]).toBeUndefined();
    const counted = await graphGet<CountedPage>(`${sim.graphBaseUrl}${DEVICES}?$count=true&$top=10`, token);
    expect(counted.body["@odata.count"]).toBe(2500);
    const second = await graphGet<CountedPage>(counted.body["@odata.nextLink"] as string, token);
    expect(second.body["@odata.count"]).toBe(2500);
    const filtered = await graphGet<CountedPage>(
      `${sim.graphBaseUrl}${DEVICES}?$count=true&$filter=operatingSystem eq 'Android'`,
      token,
    );
    expect(filtered.body["@odata.count"]).toBe(
      Array.from({ length: 2500 }, (_, i) => sim.model.device(i)).filter(
        (d) => d.operatingSystem === "Android",
      ).length,
    );
    expect((await graphGet(`${sim.graphBaseUrl}${DEVICES}?$top=0`, token)).status).toBe(400);
  });

  it("counts on every page when the behaviour says so (the beta did, unasked)", async () => {
    const local = await startGraphSimulator({ model: sim.model, intuneCount: "always" });
    const page = await graphGet<CountedPage>(`${local.graphBaseUrl}${DEVICES}?$top=1`, await getToken(local));
    expect(page.body["@odata.count"]).toBe(2500);
    await local.close();
  });

  it("ends a listing early without a next link, reporting the full or the truncated count", async () => {
    sim.faults.inject({
      kind: "truncatedListing",
      match: DEVICES,
      keep: 949,
      reportedCount: "truncated",
      times: 1,
    });
    const cut = await graphGet<CountedPage>(`${sim.graphBaseUrl}${DEVICES}?$select=id`, token);
    expect(cut.body.value).toHaveLength(949);
    expect(cut.body["@odata.nextLink"]).toBeUndefined();
    expect(cut.body["@odata.count"]).toBe(949);
    sim.faults.inject({ kind: "truncatedListing", match: DEVICES, after: 1, keep: 10, times: 1 });
    const full = await followAll(`${sim.graphBaseUrl}${DEVICES}?$select=id`, token);
    expect([full.pages, full.items.length]).toEqual([2, 1010]);
    sim.faults.inject({ kind: "truncatedListing", match: DEVICES, times: 1 });
    const counted = await graphGet<CountedPage>(`${sim.graphBaseUrl}${DEVICES}?$select=id`, token);
    expect([counted.body.value.length, counted.body["@odata.count"]]).toEqual([500, 2500]);
  });

  it("has userless devices, devices without an Entra device, odd UPNs and derived types", async () => {
    const { items } = await followAll(`${sim.graphBaseUrl}${DEVICES}`, token);
    const byIndex = (i: number) => items[i] as Row;
    expect(byIndex(9)).toMatchObject({
      userId: "",
      userPrincipalName: "",
      managedDeviceOwnerType: "unknown",
    });
    expect(byIndex(19)).not.toHaveProperty("userId");
    expect(byIndex(19).azureADDeviceId).toBe("00000000-0000-0000-0000-000000000000");
    expect(byIndex(29)).toMatchObject({ userId: "", userPrincipalName: "not-an-email", azureADDeviceId: "" });
    const types = new Set(items.map((d) => d["@odata.type"]));
    expect(types).toEqual(new Set([undefined, "#microsoft.graph.windowsManagedDevice"]));
    const derived = items.find((d) => d["@odata.type"]) as Row;
    expect(Object.keys(derived)[0]).toBe("@odata.type");
    expect(derived.operatingSystem).toBe("Windows");
    expect(items.every((d) => d.udid === null && d.notes === null && d.physicalMemoryInBytes === null)).toBe(
      true,
    );
    expect(new Set(items.map((d) => d.managementState))).toEqual(new Set(["managed"]));
  });

  it("owns devices by the generated Entra users: userId, UPN and email match the users listing", async () => {
    const users = await followAll(
      `${sim.graphBaseUrl}/v1.0/users?$select=id,userPrincipalName,mail,displayName&$top=999`,
      token,
    );
    const byId = new Map(users.items.map((u) => [u.id, u]));
    const { items } = await followAll(
      `${sim.graphBaseUrl}${DEVICES}?$select=id,userId,userPrincipalName,emailAddress,userDisplayName`,
      token,
    );
    const owned = items.filter((d) => d.userId);
    expect(owned.length).toBe(2250);
    for (const device of owned) {
      const user = byId.get(device.userId) as Row;
      expect(device.userPrincipalName).toBe(user.userPrincipalName);
      expect(device.emailAddress).toBe(user.mail ?? "");
      expect(device.userDisplayName).toBe(user.displayName);
    }
  });

  it("GET one device reveals the list-omitted properties only when $select names them", async () => {
    const apple = Array.from({ length: 50 }, (_, i) => sim.model.device(i)).find((d) => d.udid !== null);
    const id = String(apple?.id);
    const plain = await graphGet<Row>(`${sim.graphBaseUrl}${DEVICES}/${id}`, token);
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      id,
      udid: null,
      ethernetMacAddress: null,
      physicalMemoryInBytes: null,
    });
    const selected = await graphGet<Row>(
      `${sim.graphBaseUrl}${DEVICES}/${id}?$select=id,udid,physicalMemoryInBytes,iccid,serialNumber`,
      token,
    );
    expect(selected.body).toMatchObject({
      id,
      udid: apple?.udid,
      physicalMemoryInBytes: apple?.physicalMemoryInBytes,
      serialNumber: apple?.serialNumber,
    });
    expect(selected.body.udid).toMatch(/^00008110-/);
    const missing = await graphGet<ErrorBody>(`${sim.graphBaseUrl}${DEVICES}/${crypto.randomUUID()}`, token);
    expect(missing.status).toBe(404);
    expect(intuneInner(missing.body)).toMatchObject({ code: "UnknownError", errorCode: "ResourceNotFound" });
    const delta = await graphGet<ErrorBody>(`${sim.graphBaseUrl}${DEVICES}/delta`, token);
    expect([delta.status, delta.body.error.code]).toEqual([400, "BadRequest"]);
  });

  it("lists a user's devices and a device's primary user", async () => {
    const user = sim.model.userEntry(3).user;
    const mine = await graphGet<CountedPage>(
      `${sim.graphBaseUrl}/v1.0/users/${user.id}/managedDevices?$select=id,userId&$count=true`,
      token,
    );
    const expected = Array.from({ length: 2500 }, (_, i) => sim.model.device(i)).filter(
      (d) => d.userId === user.id,
    );
    expect(mine.body.value.map((d) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
    expect(mine.body["@odata.count"]).toBe(expected.length);
    const byUpn = await graphGet<Page>(
      `${sim.graphBaseUrl}/v1.0/users/${user.userPrincipalName}/managedDevices`,
      token,
    );
    expect(byUpn.body.value).toHaveLength(expected.length);
    const owners = await graphGet<Page>(`${sim.graphBaseUrl}${DEVICES}/${expected[0]?.id}/users`, token);
    expect(owners.body.value).toEqual([
      expect.objectContaining({ id: user.id, userPrincipalName: user.userPrincipalName }),
    ]);
    const none = await graphGet<Page>(`${sim.graphBaseUrl}${DEVICES}/${sim.model.device(9).id}/users`, token);
    expect(none.body.value).toEqual([]);
  });
});

describe("Intune access: roles, double-encoded errors, licence, per-app throttling", () => {
  let sim: GraphSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startGraphSimulator({
      modelOptions: { users: 20, devices: 30, seed: 2 },
      intuneRequestLimits: { devices: 3, configuration: 2 },
      intuneWindowMs: 1500,
      intuneThrottle: "noRetryAfter",
    });
    token = await getToken(sim);
  });
  afterAll(() => sim.close());

  it("answers a missing role with Intune's double-encoded 403 (Forbidden inside `message`)", async () => {
    sim.model.registerApp({ clientId: "users-only", clientSecret: "s1", roles: ["User.Read.All"] });
    const limited = await getToken(sim, "users-only", "s1");
    const denied = await graphGet<ErrorBody>(`${sim.graphBaseUrl}${DEVICES}`, limited);
    expect(denied.status).toBe(403);
    const inner = intuneInner(denied.body);
    expect(inner).toMatchObject({ code: "UnknownError", errorCode: "Forbidden" });
    expect(inner.message).toMatch(
      /Activity ID: [0-9a-f-]{36} - Url: https:\/\/fef\..*StatelessDeviceFEService/,
    );
    expect(denied.body.error.innerError["request-id"]).toBeDefined();
    // Entra's /devices keeps Graph's plain shape
    const entra = await graphGet<ErrorBody>(`${sim.graphBaseUrl}/v1.0/devices`, limited);
    expect([entra.status, entra.body.error.code]).toEqual([403, "Authorization_RequestDenied"]);
    // an invalid token is refused by Graph before Intune sees it
    const bad = await graphGet<ErrorBody>(`${sim.graphBaseUrl}${DEVICES}`, "nope");
    expect([bad.status, bad.body.error.code]).toEqual([401, "InvalidAuthenticationToken"]);
  });

  it("needs DeviceManagementConfiguration for policies and DeviceManagementApps for audit events", async () => {
    sim.model.registerApp({
      clientId: "devices-only",
      clientSecret: "s2",
      roles: ["DeviceManagementManagedDevices.Read.All"],
    });
    const devicesOnly = await getToken(sim, "devices-only", "s2");
    for (const path of [
      "/v1.0/deviceManagement/deviceCompliancePolicies",
      "/v1.0/deviceManagement/auditEvents",
    ]) {
      const denied = await graphGet<ErrorBody>(`${sim.graphBaseUrl}${path}`, devicesOnly);
      expect(denied.status, path).toBe(403);
      expect(intuneInner(denied.body).errorCode).toBe("Forbidden");
    }
    const local = await startGraphSimulator({ model: sim.model, intuneMissingRole: 401 });
    const unauthorized = await graphGet<ErrorBody>(
      `${local.graphBaseUrl}/v1.0/deviceManagement/auditEvents`,
      await getToken(local, "devices-only", "s2"),
    );
    expect(unauthorized.status).toBe(401);
    expect(intuneInner(unauthorized.body).errorCode).toBe("Unauthorized");
    await local.close();
  });

  it("answers every Intune path 400 'Request not applicable to target tenant.' without a licence", async () => {
    sim.model.setIntuneLicensed(false);
    try {
      for (const path of [
        DEVICES,
        "/v1.0/deviceManagement/deviceCompliancePolicies",
        "/v1.0/deviceManagement/auditEvents",
      ]) {
        const { status, body } = await graphGet<ErrorBody>(`${sim.graphBaseUrl}${path}`, token);
        expect([status, body.error.code, body.error.message]).toEqual([
          400,
          "BadRequest",
          "Request not applicable to target tenant.",
        ]);
      }
      expect((await graphGet(`${sim.graphBaseUrl}/v1.0/users`, token)).status).toBe(200);
      expect((await graphGet(`${sim.graphBaseUrl}/v1.0/devices`, token)).status).toBe(200);
    } finally {
      sim.model.setIntuneLicensed(true);
    }
  });

  it("meters requests per app per window, apart from Entra's budget and per Intune service", async () => {
    await new Promise((r) => setTimeout(r, 1600 - (Date.now() % 1500)));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await graphGet(`${sim.graphBaseUrl}${DEVICES}?$top=1`, token)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const throttled = await graphGet<ErrorBody>(`${sim.graphBaseUrl}${DEVICES}?$top=1`, token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBeNull();
    expect(throttled.body.error.code).toBe("TooManyRequests");
    expect(JSON.parse(throttled.body.error.message)).toMatchObject({ _version: 3, RetryAfter: null });
    expect((await graphGet(`${sim.graphBaseUrl}/v1.0/users?$top=1`, token)).status).toBe(200);
    const policies = `${sim.graphBaseUrl}/v1.0/deviceManagement/deviceCompliancePolicies`;
    expect((await graphGet(policies, token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await graphGet(`${sim.graphBaseUrl}${DEVICES}?$top=1`, token)).status).toBe(200);
  });

  it("also throttles with Graph's shape and Retry-After, or by fault without it", async () => {
    const local = await startGraphSimulator({
      model: sim.model,
      intuneRequestLimits: { devices: 1 },
      intuneThrottle: "retryAfter",
    });
    const localToken = await getToken(local);
    await graphGet(`${local.graphBaseUrl}${DEVICES}?$top=1`, localToken);
    const plain = await graphGet<ErrorBody>(`${local.graphBaseUrl}${DEVICES}?$top=1`, localToken);
    expect([plain.status, plain.body.error.message]).toEqual([429, "Too many requests."]);
    expect(Number(plain.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await local.close();
    sim.faults.inject({
      kind: "throttle",
      match: "/v1.0/deviceManagement/auditEvents",
      withoutRetryAfter: true,
      times: 1,
    });
    const faulted = await graphGet<ErrorBody>(`${sim.graphBaseUrl}/v1.0/deviceManagement/auditEvents`, token);
    expect(faulted.status).toBe(429);
    expect(faulted.headers.get("retry-after")).toBeNull();
    expect(faulted.body.error.message).toContain("StatelessAuditingFEService");
  });
});
