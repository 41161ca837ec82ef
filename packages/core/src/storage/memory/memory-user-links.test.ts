import { describe, expect, it } from "vitest";
import type { IntegrationRecord, StoredUser } from "../records";
import type { NewUser } from "../storage-adapter";
import { createMemoryStorage } from "./create-memory-storage";

const at = new Date(Date.UTC(2025, 0, 1));
const newUser = (id: string): NewUser => ({
  id,
  email: `${id}@example.com`,
  displayName: id,
  active: true,
  role: "viewer",
  attributes: {},
});
const hostUser = (id: string, displayName: string): StoredUser => ({
  ...newUser(id),
  displayName,
  hgeIdAccountId: `hge-${id}`,
  createdAt: at,
  updatedAt: at,
});
const integration = (id: string, connectorId: string): IntegrationRecord => ({
  id,
  tenantId: "t1",
  connectorId,
  name: id,
  settings: {},
  direction: "inbound",
  intervalMinutes: 60,
  mappings: {},
  enabled: true,
  createdAt: at,
  updatedAt: at,
  revision: 1,
});

describe("memory links on the users' side", () => {
  it("keeps a link to a user id nobody has yet, and gives it to the user created later with that id", async () => {
    const storage = createMemoryStorage();
    const { directory } = storage;
    await directory.applyPage("int-1", { users: { link: [{ externalId: "e1", userId: "u1" }] } }, null);
    await directory.applyPage("int-1", { users: { link: [{ externalId: "e2", userId: "u2" }] } }, null);
    expect((await directory.findUsers("int-1", { externalIds: ["e1"], emails: [] })).byExternalId).toEqual(
      [],
    );

    await directory.applyPage("int-1", { users: { create: [newUser("u1")] } }, null);
    await storage.inspect.putUsers([hostUser("u2", "Host")]);
    const found = await directory.findUsers("int-1", {
      externalIds: ["e1", "e2"],
      emails: ["u1@example.com", "u2@example.com"],
    });
    expect(found.byExternalId.map((m) => [m.link.externalId, m.user.id])).toEqual([
      ["e1", "u1"],
      ["e2", "u2"],
    ]);
    expect(found.byEmail.map((m) => [m.user.id, m.linkedExternalIds])).toEqual([
      ["u1", ["e1"]],
      ["u2", ["e2"]],
    ]);
  });

  it("keeps a user's links when putUsers replaces the user", async () => {
    const storage = createMemoryStorage();
    await storage.directory.applyPage(
      "int-1",
      { users: { create: [newUser("u1")], link: [{ externalId: "e1", userId: "u1" }] } },
      null,
    );
    await storage.inspect.putUsers([hostUser("u1", "Replaced")]);
    const found = await storage.directory.findUsers("int-1", {
      externalIds: ["e1"],
      emails: ["u1@example.com"],
    });
    expect(found.byExternalId[0]?.user).toMatchObject({ displayName: "Replaced", hgeIdAccountId: "hge-u1" });
    expect(found.byEmail[0]?.linkedExternalIds).toEqual(["e1"]);
    expect((await storage.inspect.listUsers({ integrationId: "int-1" })).map((u) => u.id)).toEqual(["u1"]);
  });

  it("moves a re-pointed link from one user to the other", async () => {
    const storage = createMemoryStorage();
    const { directory } = storage;
    await directory.applyPage(
      "int-1",
      {
        users: {
          create: [newUser("u1"), newUser("u2")],
          link: [
            { externalId: "e1", userId: "u1" },
            { externalId: "e2", userId: "u1" },
          ],
        },
      },
      null,
    );
    await directory.applyPage("int-1", { users: { link: [{ externalId: "e1", userId: "u2" }] } }, null);
    const found = await directory.findUsers("int-1", {
      externalIds: [],
      emails: ["u1@example.com", "u2@example.com"],
    });
    expect(found.byEmail.map((m) => [m.user.id, m.linkedExternalIds])).toEqual([
      ["u1", ["e2"]],
      ["u2", ["e1"]],
    ]);
  });

  it("forgets a deleted integration's links: they no longer keep a user active", async () => {
    const storage = createMemoryStorage();
    const { directory } = storage;
    await storage.integrations.insert(integration("entra-1", "entra"));
    await storage.integrations.insert(integration("sap-1", "sap"));
    await directory.applyPage(
      "entra-1",
      { users: { create: [newUser("u1")], link: [{ externalId: "e1", userId: "u1" }] } },
      null,
    );
    await directory.applyPage("sap-1", { users: { link: [{ externalId: "p1", userId: "u1" }] } }, null);
    await directory.applyPage("entra-1", { users: { markPendingDeactivation: ["e1"] } }, null);
    expect(await directory.countPendingDeactivations("entra-1")).toBe(0);

    await storage.integrations.delete("sap-1");
    expect(await directory.countPendingDeactivations("entra-1")).toBe(1);
    expect(await directory.commitPendingDeactivations("entra-1")).toBe(1);
    const found = await directory.findUsers("entra-1", { externalIds: [], emails: ["u1@example.com"] });
    expect(found.byEmail[0]?.user.active).toBe(false);
    expect(found.byEmail[0]?.linkedExternalIds).toEqual(["e1"]);
    await storage.integrations.insert(integration("sap-1", "sap"));
    const again = await directory.findUsers("sap-1", { externalIds: ["p1"], emails: ["u1@example.com"] });
    expect(again).toMatchObject({ byExternalId: [], byEmail: [{ linkedExternalIds: [] }] });
  });
});
