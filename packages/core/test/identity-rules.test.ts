import { describe, expect, it } from "vitest";
import { setupHub } from "./fixtures/setup-hub";

const person = (id: string, email: string, displayName = id) => ({ id, email, displayName, active: true });

describe("identity rules for odd e-mails", () => {
  it("matches the NFC and NFD spellings of one address to one user", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 0 });
    directory.upsert(person("nfc", "Jos\u00e9@Example.com"));
    directory.upsert(person("nfd", "Jose\u0301@example.com"));
    const log = await hub.syncNow(id);
    const users = await storage.inspect.listUsers();
    expect(users.map((u) => u.email)).toEqual(["jos\u00e9@example.com"]);
    expect(log.status).toBe("partial");
    expect(log.errors).toMatchObject([{ externalId: "nfd", code: "RECORD_DUPLICATE_EMAIL" }]);
  });

  it("refuses an address with a zero-width space as a per-record failure", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 0 });
    directory.upsert(person("plain", "alice@x.com"));
    directory.upsert(person("zwsp", "ali\u200bce@x.com"));
    const log = await hub.syncNow(id);
    expect(log).toMatchObject({ status: "partial", counts: { created: 1, failed: 1 } });
    expect(log.errors).toMatchObject([
      { externalId: "zwsp", field: "email", code: "RECORD_INVALID", severity: "error" },
    ]);
    expect(log.errors[0]?.message).toContain("U+200B");
    expect((await storage.inspect.listUsers()).map((u) => u.email)).toEqual(["alice@x.com"]);
  });

  it("never lets a Kelvin-sign look-alike land on another person's HGE ID account", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 0 });
    const now = new Date();
    await storage.inspect.putUsers([
      {
        id: "kim",
        email: "kim@x.com",
        displayName: "Kim",
        active: true,
        role: "admin",
        hgeIdAccountId: "hge-kim",
        attributes: {},
        createdAt: now,
        updatedAt: now,
      },
    ]);
    directory.upsert(person("evil", "\u212Aim@x.com", "Not Kim"));
    const log = await hub.syncNow(id);
    expect(log).toMatchObject({ status: "partial", counts: { failed: 1, updated: 0, created: 0 } });
    expect(log.errors[0]).toMatchObject({ externalId: "evil", field: "email", code: "RECORD_INVALID" });
    expect(log.errors[0]?.message).toContain("U+212A");
    expect(await storage.inspect.listLinks(id)).toEqual([]);
    const [kim] = await storage.inspect.listUsers();
    expect(kim).toMatchObject({ id: "kim", displayName: "Kim", hgeIdAccountId: "hge-kim" });
  });
});

describe("text storage cannot hold", () => {
  it.each([
    ["displayName", { displayName: "Bad\u0000Name" }, "displayName"],
    ["email", { email: "bad\u0000@x.com" }, "email"],
    ["an attribute", { extra: { office: "Room\u00001" } }, "office"],
    ["a nested attribute", { extra: { address: { lines: ["ok", "x\ud800"] } } }, "address.lines.1"],
  ])(
    "a NUL or lone surrogate in %s fails that record alone, and the next run passes",
    async (_, patch, field) => {
      const { hub, storage, directory, id } = await setupHub({ people: 5, pageSize: 10 });
      directory.update("p000002", patch);
      const first = await hub.syncNow(id);
      expect(first).toMatchObject({ status: "partial", counts: { created: 4, failed: 1 } });
      expect(first.errors).toMatchObject([
        { externalId: "p000002", field, code: "RECORD_INVALID", severity: "error" },
      ]);
      expect(await storage.inspect.listUsers()).toHaveLength(4);
      directory.update("p000003", { displayName: "Changed" });
      const second = await hub.syncNow(id);
      expect(second).toMatchObject({ status: "success", counts: { updated: 1, failed: 0 } });
    },
  );
});
