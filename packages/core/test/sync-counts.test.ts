import { describe, expect, it } from "vitest";
import { setupHub } from "./fixtures/setup-hub";

describe("sync counts and statuses", () => {
  it("creates every source user as an active asset user with role viewer on the first run", async () => {
    const { hub, storage, id } = await setupHub({ people: 25, pageSize: 10 });
    const log = await hub.syncNow(id);
    expect(log).toMatchObject({
      status: "success",
      mode: "full",
      trigger: "manual",
      pages: 3,
      failureCode: null,
    });
    expect(log.counts).toEqual({ processed: 25, created: 25, updated: 0, deactivated: 0, failed: 0 });
    const users = await storage.inspect.listUsers({ integrationId: id });
    expect(users).toHaveLength(25);
    expect(users.every((u) => u.role === "viewer" && u.hgeIdAccountId === null && u.active)).toBe(true);
    expect(users[0]!.email).toBe("person.000000@example.com");
  });

  it("reads only changes on the next run and counts them exactly", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 25 });
    await hub.syncNow(id);
    directory.update("p000001", { displayName: "Renamed" });
    directory.update("p000002", { active: false });
    directory.remove("p000003");
    directory.upsert({ id: "p999999", email: "new@example.com", displayName: "New", active: true });
    const log = await hub.syncNow(id);
    expect(log.mode).toBe("incremental");
    expect(log.counts).toEqual({ processed: 4, created: 1, updated: 1, deactivated: 2, failed: 0 });
    expect(log.status).toBe("success");
    const byEmail = new Map((await storage.inspect.listUsers()).map((u) => [u.email, u]));
    expect(byEmail.get("person.000001@example.com")?.displayName).toBe("Renamed");
    expect(byEmail.get("person.000002@example.com")?.active).toBe(false);
    expect(byEmail.get("person.000003@example.com")?.active).toBe(false);
    expect(byEmail.get("new@example.com")?.active).toBe(true);
    const again = await hub.syncNow(id);
    expect(again.counts).toEqual({ processed: 0, created: 0, updated: 0, deactivated: 0, failed: 0 });
  });

  it("reactivates a user that comes back", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 5 });
    await hub.syncNow(id);
    directory.update("p000000", { active: false });
    await hub.syncNow(id);
    directory.update("p000000", { active: true });
    const log = await hub.syncNow(id);
    expect(log.counts.updated).toBe(1);
    const [user] = await storage.inspect.listUsers({ limit: 1 });
    expect(user?.active).toBe(true);
  });

  it("ends partial with per-record details when records fail, and applies the rest", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 5 });
    directory.upsert({ id: "zdup", email: "PERSON.000001@example.com ", displayName: "Dup", active: true });
    directory.upsert({ id: "nomail", email: null, displayName: "No mail", active: true });
    const log = await hub.syncNow(id);
    expect(log.status).toBe("partial");
    expect(log.counts).toMatchObject({ processed: 7, created: 5, failed: 2 });
    expect(log.errors.map((e) => [e.externalId, e.code])).toEqual(
      expect.arrayContaining([
        ["zdup", "RECORD_DUPLICATE_EMAIL"],
        ["nomail", "RECORD_INVALID"],
      ]),
    );
    expect(log.errorCount).toBe(2);
    const owner = (await storage.inspect.listUsers()).find((u) => u.email === "person.000001@example.com");
    expect(owner?.displayName).toBe("Person 000001");
  });

  it("a full resync deactivates managed users gone from the source", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 30 });
    await hub.syncNow(id);
    // Removed without a change record reaching us: only a full enumeration can find it.
    directory.people.delete("p000007");
    const log = await hub.syncNow(id, { full: true });
    expect(log.mode).toBe("full");
    expect(log.counts.deactivated).toBe(1);
    const gone = (await storage.inspect.listUsers()).find((u) => u.email === "person.000007@example.com");
    expect(gone?.active).toBe(false);
  });

  it("records a sync log and audit entries for every run", async () => {
    const { hub, id } = await setupHub({ people: 3 });
    const log = await hub.syncNow(id, { trigger: "schedule" });
    const [stored] = await hub.syncLogs(id);
    expect(stored).toEqual(log);
    expect(stored?.finishedAt).toBeInstanceOf(Date);
    const actions = (await hub.auditLog({ integrationId: id })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["integration.created", "secret.set", "sync.started", "sync.finished"]),
    );
  });
});
