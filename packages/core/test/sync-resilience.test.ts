import { describe, expect, it } from "vitest";
import { setupHub } from "./fixtures/setup-hub";

describe("sync resilience", () => {
  it("resumes after a crash mid-run with nothing lost or doubled", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 50, pageSize: 10 });
    directory.failAfterPages = 2;
    const crashed = await hub.syncNow(id);
    expect(crashed.status).toBe("failed");
    expect(crashed.failureCode).toBe("CONNECTOR_FAILED");
    expect(crashed.counts.created).toBe(20);
    expect(await storage.inspect.listUsers()).toHaveLength(20);
    directory.failAfterPages = null;
    const resumed = await hub.syncNow(id);
    expect(resumed.status).toBe("success");
    expect(resumed.counts.created).toBe(30);
    expect(resumed.counts.processed).toBe(30);
    const users = await storage.inspect.listUsers();
    expect(users).toHaveLength(50);
    expect(new Set(users.map((u) => u.email)).size).toBe(50);
  });

  it("a malformed page fails the run and leaves stored data and the checkpoint as they were", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 30, pageSize: 10 });
    directory.malformedPage = 2;
    const log = await hub.syncNow(id);
    expect(log.status).toBe("failed");
    expect(log.failureCode).toBe("CONNECTOR_PAGE_INVALID");
    expect(log.errors.at(-1)?.message).toMatch(/page 2: upserts\.0\.externalId/);
    expect(await storage.inspect.listUsers()).toHaveLength(10);
    const checkpoint = await storage.checkpoints.get(id);
    expect(checkpoint?.value).toMatchObject({ connector: { phase: "full", cursor: 10 } });
  });

  it("the lock stops a second concurrent run", async () => {
    const { hub, id } = await setupHub({ people: 200, pageSize: 10 });
    const first = hub.syncNow(id);
    await expect(hub.syncNow(id)).rejects.toMatchObject({ code: "SYNC_ALREADY_RUNNING" });
    expect((await first).status).toBe("success");
    const third = await hub.syncNow(id);
    expect(third.status).toBe("success");
  });

  it("an abort ends the run failed and the next run resumes", async () => {
    const { hub, storage, id } = await setupHub({ people: 100, pageSize: 10 });
    const controller = new AbortController();
    let pages = 0;
    const log = await hub.syncNow(id, {
      signal: controller.signal,
      onProgress: () => {
        if (++pages === 3) controller.abort();
      },
    });
    expect(log).toMatchObject({ status: "failed", failureCode: "SYNC_ABORTED" });
    const after = await hub.syncNow(id);
    expect(after.status).toBe("success");
    expect(await storage.inspect.listUsers()).toHaveLength(100);
  });

  it("the guard blocks a mass deactivation until the host confirms", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 100, pageSize: 25 });
    await hub.syncNow(id);
    for (let i = 0; i < 30; i++) directory.remove(`p${String(i).padStart(6, "0")}`);
    const blocked = await hub.syncNow(id);
    expect(blocked).toMatchObject({ status: "failed", failureCode: "MASS_DEACTIVATION_BLOCKED" });
    expect(blocked.counts.deactivated).toBe(0);
    expect((await storage.inspect.listUsers()).filter((u) => !u.active)).toHaveLength(0);
    expect(await hub.confirmDeactivations(id)).toBe(30);
    expect((await storage.inspect.listUsers()).filter((u) => !u.active)).toHaveLength(30);
    const actions = (await hub.auditLog({ integrationId: id })).map((e) => e.action);
    expect(actions).toContain("sync.deactivations.confirmed");
  });

  it("lets a small number of deactivations through the guard", async () => {
    const { hub, directory, id } = await setupHub({ people: 100, pageSize: 25 });
    await hub.syncNow(id);
    for (let i = 0; i < 10; i++) directory.update(`p${String(i).padStart(6, "0")}`, { active: false });
    const log = await hub.syncNow(id);
    expect(log).toMatchObject({ status: "success" });
    expect(log.counts.deactivated).toBe(10);
  });

  it("preserves the HGE ID linkage of an existing user matched by email", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 3 });
    const now = new Date();
    await storage.inspect.putUsers([
      {
        id: "hge-user",
        email: "person.000001@example.com",
        displayName: "Old",
        active: true,
        role: "admin",
        hgeIdAccountId: "hge-42",
        attributes: {},
        createdAt: now,
        updatedAt: now,
      },
    ]);
    const first = await hub.syncNow(id);
    expect(first.counts).toMatchObject({ created: 2, updated: 1 });
    directory.update("p000001", { active: false, displayName: "New name" });
    await hub.syncNow(id);
    const user = (await storage.inspect.listUsers()).find((u) => u.id === "hge-user");
    expect(user).toMatchObject({
      hgeIdAccountId: "hge-42",
      role: "admin",
      displayName: "New name",
      active: false,
    });
    await hub.integrations.remove(id);
    const kept = (await storage.inspect.listUsers()).find((u) => u.id === "hge-user");
    expect(kept?.hgeIdAccountId).toBe("hge-42");
  });
});

describe("two integrations with the same people", () => {
  it("first syncs running at the same time link to each other's users instead of failing", async () => {
    const { createHub, createMemoryStorage } = await import("@uslimato/core");
    const { createFakeConnector, FakeDirectory } = await import("@uslimato/core/testing");
    const { createTestVault } = await import("./fixtures/test-vault");
    const directory = new FakeDirectory({ people: 300 });
    const storage = createMemoryStorage();
    const hub = createHub({
      storage,
      vault: createTestVault(),
      connectors: [createFakeConnector(directory)],
    });
    const create = (name: string) =>
      hub.integrations.create({
        tenantId: "t",
        connectorId: "fake",
        name,
        settings: { pageSize: 25 },
        secrets: { apiKey: directory.apiKey },
        intervalMinutes: 60,
      });
    const [a, b] = await Promise.all([create("A"), create("B")]);
    const [logA, logB] = await Promise.all([hub.syncNow(a.id), hub.syncNow(b.id)]);
    expect([logA.status, logB.status]).toEqual(["success", "success"]);
    expect(logA.counts.created + logB.counts.created).toBe(300);
    expect(await storage.inspect.listUsers({ limit: 1000 })).toHaveLength(300);
    expect(await storage.inspect.listLinks(a.id, { limit: 1000 })).toHaveLength(300);
    expect(await storage.inspect.listLinks(b.id, { limit: 1000 })).toHaveLength(300);
  });
});
