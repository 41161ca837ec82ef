import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphModel, type GraphSimulator, startGraphSimulator } from "../src/index";
import { followAll, getToken, graphGet } from "./fixtures/index";

describe("users delta", () => {
  let sim: GraphSimulator;
  let token: string;
  let now = Date.parse("2026-01-01T00:00:00Z");
  beforeAll(async () => {
    const model = createGraphModel({ users: 1200, seed: 3, clock: () => new Date(now) });
    sim = await startGraphSimulator({ model, deltaPageSize: 500 });
    token = await getToken(sim);
  });
  afterAll(() => sim.close());

  it("runs an initial round, then returns changes with @removed reasons, restores and adds", async () => {
    const initial = await followAll(`${sim.graphBaseUrl}/v1.0/users/delta?$select=displayName,mail`, token);
    expect(initial.pages).toBe(3);
    expect(initial.items).toHaveLength(1200);
    expect(initial.deltaLink).toMatch(/\$deltatoken=/);
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => sim.model.userEntry(i).user.id) as string[];
    sim.model.updateUser(a as string, { displayName: "Zoë Renamed" });
    sim.model.softDeleteUser(b as string);
    sim.model.hardDeleteUser(c as string);
    sim.model.softDeleteUser(d as string);
    sim.model.restoreUser(d as string);
    const added = sim.model.addUser({ displayName: "New Person", mail: null });
    const round = await followAll(initial.deltaLink as string, token);
    const byId = new Map(round.items.map((u) => [u.id, u]));
    expect(round.items).toHaveLength(5);
    expect(byId.get(a)).toEqual({ id: a, displayName: "Zoë Renamed", mail: expect.anything() });
    expect(byId.get(b)).toMatchObject({ "@removed": { reason: "changed" } });
    expect(byId.get(c)).toMatchObject({ "@removed": { reason: "deleted" } });
    expect(byId.get(d)).not.toHaveProperty("@removed");
    expect(byId.get(added.id)).toEqual({ id: added.id, displayName: "New Person", mail: null });
    const quiet = await followAll(round.deltaLink as string, token);
    expect(quiet.items).toEqual([]);
  });

  it("honours Prefer: odata.maxpagesize and rejects $top", async () => {
    const page = await graphGet(`${sim.graphBaseUrl}/v1.0/users/delta?$select=id`, token, {
      prefer: "odata.maxpagesize=50",
    });
    expect(page.body.value).toHaveLength(50);
    expect(page.headers.get("preference-applied")).toBe("odata.maxpagesize=50");
    expect((await graphGet(`${sim.graphBaseUrl}/v1.0/users/delta?$top=5`, token)).status).toBe(400);
  });

  it("replays a page on the duplicatePage fault (the same objects come again)", async () => {
    const handle = sim.faults.inject({ kind: "duplicatePage", match: "/v1.0/users/delta", times: 1 });
    const first = await graphGet(`${sim.graphBaseUrl}/v1.0/users/delta?$select=id`, token);
    const again = await graphGet(first.body["@odata.nextLink"] as string, token);
    expect(handle.fired).toBe(1);
    expect(again.body.value).toEqual(first.body.value);
  });

  it("expires tokens: 410 Gone with an empty $deltaToken Location, or 400 syncStateNotFound", async () => {
    const { deltaLink } = await followAll(`${sim.graphBaseUrl}/v1.0/users/delta?$select=id`, token);
    now += 60_000;
    sim.model.expireDeltaTokens();
    const gone = await graphGet<{ error: { code: string } }>(deltaLink as string, token);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("location")).toMatch(/\/v1\.0\/users\/delta\?.*\$deltaToken=$/);
    const restart = await graphGet(gone.headers.get("location") as string, token);
    expect(restart.status).toBe(200);
    const fresh = await followAll(`${sim.graphBaseUrl}/v1.0/users/delta?$select=id`, token);
    sim.faults.inject({ kind: "expiredDelta", style: "syncStateNotFound", times: 1 });
    const notFound = await graphGet<{ error: { code: string } }>(fresh.deltaLink as string, token);
    expect(notFound.status).toBe(400);
    expect(notFound.body.error.code).toBe("syncStateNotFound");
    now += 8 * 86_400_000;
    token = await getToken(sim);
    expect((await graphGet(fresh.deltaLink as string, token)).status).toBe(410);
  });

  it("replays an object changed during the initial round: once in the round, again in the next", async () => {
    const first = await graphGet(`${sim.graphBaseUrl}/v1.0/users/delta?$select=jobTitle`, token, {
      prefer: "odata.maxpagesize=400",
    });
    const ahead = sim.model.userEntry(1000).user.id;
    sim.model.updateUser(ahead, { jobTitle: "Changed mid-round" });
    const rest = await followAll(first.body["@odata.nextLink"] as string, token, {
      prefer: "odata.maxpagesize=400",
    });
    expect(rest.items.find((u) => u.id === ahead)).toEqual({ id: ahead, jobTitle: "Changed mid-round" });
    const next = await followAll(rest.deltaLink as string, token);
    expect(next.items).toEqual([{ id: ahead, jobTitle: "Changed mid-round" }]);
  });

  it("starts from now with $deltatoken=latest", async () => {
    const latest = await graphGet(`${sim.graphBaseUrl}/v1.0/users/delta?$deltatoken=latest`, token);
    expect(latest.body.value).toEqual([]);
    const id = sim.model.userEntry(10).user.id;
    sim.model.disableUser(id);
    const round = await followAll(latest.body["@odata.deltaLink"] as string, token);
    expect(round.items.map((u) => u.id)).toEqual([id]);
  });
});

describe("groups delta and managed devices", () => {
  let sim: GraphSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startGraphSimulator({
      modelOptions: { users: 300, groups: 2, devices: 50, seed: 9 },
      groupMembersPerPage: 40,
    });
    token = await getToken(sim);
  });
  afterAll(() => sim.close());

  it("splits large groups' members@delta across pages (the group repeats) and reports member changes", async () => {
    const initial = await followAll(
      `${sim.graphBaseUrl}/v1.0/groups/delta?$select=displayName,members`,
      token,
    );
    const group = sim.model.group(0);
    const parts = initial.items.filter((g) => g.id === group.id);
    expect(parts.length).toBe(4);
    const members = parts.flatMap((p) => p["members@delta"] as Array<{ id: string }>);
    expect(members).toHaveLength(150);
    expect(initial.pages).toBeGreaterThan(4);
    const leaving = members[0]?.id as string;
    const joining = sim.model.userEntry(1).user.id;
    sim.model.removeGroupMember(group.id, leaving);
    sim.model.addGroupMember(group.id, joining);
    const round = await followAll(initial.deltaLink as string, token);
    expect(round.items).toHaveLength(1);
    expect(round.items[0]?.["members@delta"]).toEqual([
      { "@odata.type": "#microsoft.graph.user", id: leaving, "@removed": { reason: "deleted" } },
      { "@odata.type": "#microsoft.graph.user", id: joining },
    ]);
  });

  it("expires groups delta tokens too (410 with Location from the expiredDelta fault)", async () => {
    const { deltaLink } = await followAll(`${sim.graphBaseUrl}/v1.0/groups/delta?$select=displayName`, token);
    sim.faults.inject({ kind: "expiredDelta", style: "gone", match: "/v1.0/groups/delta", times: 1 });
    const gone = await graphGet<{ error: { code: string } }>(deltaLink as string, token);
    expect([gone.status, gone.body.error.code]).toEqual([410, "resyncRequired"]);
    expect(gone.headers.get("location")).toMatch(
      /\/v1\.0\/groups\/delta\?\$select=id,displayName&\$deltaToken=$/,
    );
    expect((await graphGet(deltaLink as string, token)).status).toBe(200);
  });

  it("filters managed devices on lastSyncDateTime and covers every compliance state", async () => {
    const all = await followAll(`${sim.graphBaseUrl}/v1.0/deviceManagement/managedDevices`, token);
    expect(all.items).toHaveLength(50);
    expect(new Set(all.items.map((d) => d.complianceState))).toEqual(
      new Set([
        "unknown",
        "compliant",
        "noncompliant",
        "conflict",
        "error",
        "inGracePeriod",
        "configManager",
      ]),
    );
    const cut = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 19) + "Z";
    const recent = await followAll(
      `${sim.graphBaseUrl}/v1.0/deviceManagement/managedDevices?$filter=lastSyncDateTime gt ${cut}`,
      token,
    );
    expect(recent.items.length).toBeGreaterThan(0);
    expect(recent.items.length).toBeLessThan(50);
    expect(recent.items.every((d) => String(d.lastSyncDateTime) > cut)).toBe(true);
    const changed = sim.model.updateDevice(String(all.items[0]?.id), { complianceState: "noncompliant" });
    const after = await followAll(
      `${sim.graphBaseUrl}/v1.0/deviceManagement/managedDevices?$filter=lastSyncDateTime ge ${changed.lastSyncDateTime}&$select=id,complianceState`,
      token,
    );
    expect(after.items).toContainEqual({ id: changed.id, complianceState: "noncompliant" });
    expect(
      (await graphGet(`${sim.graphBaseUrl}/v1.0/deviceManagement/managedDevices?$filter=foo eq 1`, token))
        .status,
    ).toBe(400);
  });
});
