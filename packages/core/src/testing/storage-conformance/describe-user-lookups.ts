import type { ResolvedTestApi } from "../runner/test-api";
import { hostUser, newUser } from "./conformance-fixtures";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

/** Users created by a sync, links, the batched lookup by external id and email, and listings. */
export function describeUserLookups(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("users, links and lookups", () => {
    const storage = useStorage(options, t);
    const dir = () => fullDirectory(storage());

    it("creates users as given, with no HGE ID account, and Dates", async () => {
      await dir().applyPage(
        "int-1",
        { users: { create: [newUser("u1", "u1@x.io", { attributes: { dept: "IT" } })] } },
        1,
      );
      const [user] = await dir().listUsers();
      expect(user).toMatchObject({
        id: "u1",
        email: "u1@x.io",
        displayName: "U1",
        active: true,
        role: "viewer",
        hgeIdAccountId: null,
        attributes: { dept: "IT" },
      });
      expect(user?.createdAt).toBeInstanceOf(Date);
      expect(user?.updatedAt).toBeInstanceOf(Date);
    });

    it("finds links of this integration by external id, with their users", async () => {
      await dir().applyPage(
        "int-1",
        {
          users: {
            create: [newUser("u1"), newUser("u2")],
            link: [
              { externalId: "e1", userId: "u1" },
              { externalId: "e2", userId: "u2" },
            ],
          },
        },
        1,
      );
      await dir().applyPage("int-2", { users: { link: [{ externalId: "e1", userId: "u2" }] } }, 1);
      const lookup = await dir().findUsers("int-1", { externalIds: ["e1", "e2", "nope"], emails: [] });
      const found = lookup.byExternalId.map((m) => [m.link.externalId, m.link.userId, m.user.id]).sort();
      expect(found).toEqual([
        ["e1", "u1", "u1"],
        ["e2", "u2", "u2"],
      ]);
      expect(lookup.byExternalId[0]?.link).toMatchObject({
        integrationId: "int-1",
        pendingDeactivation: false,
      });
      expect(lookup.byEmail).toEqual([]);
      const other = await dir().findUsers("int-2", { externalIds: ["e1", "e2"], emails: [] });
      expect(other.byExternalId.map((m) => [m.link.externalId, m.user.id])).toEqual([["e1", "u2"]]);
      expect((await dir().findUsers("int-3", { externalIds: ["e1"], emails: [] })).byExternalId).toEqual([]);
    });

    it("finds users by email, linked or not, with this integration's external ids", async () => {
      await dir().putUsers([hostUser("h1", "anna@x.io")]);
      await dir().applyPage(
        "int-1",
        { users: { create: [newUser("u1", "bob@x.io")], link: [{ externalId: "e1", userId: "u1" }] } },
        1,
      );
      await dir().applyPage("int-2", { users: { link: [{ externalId: "other", userId: "h1" }] } }, 1);
      const lookup = await dir().findUsers("int-1", {
        externalIds: [],
        emails: ["anna@x.io", "bob@x.io", "no@x.io"],
      });
      const byId = Object.fromEntries(lookup.byEmail.map((m) => [m.user.id, m.linkedExternalIds]));
      expect(byId).toEqual({ h1: [], u1: ["e1"] });
      expect(lookup.byExternalId).toEqual([]);
    });

    it("updates only email, displayName, active and attributes", async () => {
      await dir().applyPage("int-1", { users: { create: [newUser("u1")] } }, 1);
      await dir().applyPage(
        "int-1",
        {
          users: {
            update: [{ userId: "u1", set: { displayName: "New", attributes: { a: [1, 2] }, active: false } }],
          },
        },
        2,
      );
      expect((await dir().listUsers())[0]).toMatchObject({
        email: "u1@example.com",
        displayName: "New",
        active: false,
        attributes: { a: [1, 2] },
        role: "viewer",
      });
    });

    it("never changes the HGE ID account or role, even if an update smuggles them in", async () => {
      await dir().putUsers([hostUser("h1", "hge@x.io")]);
      const smuggled = { displayName: "Synced", hgeIdAccountId: null, role: "viewer", id: "other" };
      await dir().applyPage(
        "int-1",
        {
          users: {
            link: [{ externalId: "e1", userId: "h1" }],
            update: [{ userId: "h1", set: smuggled as unknown as { displayName: string } }],
          },
        },
        1,
      );
      await dir().applyPage("int-1", { users: { markPendingDeactivation: ["e1"] } }, 2);
      await dir().commitPendingDeactivations("int-1");
      const [user] = await dir().listUsers();
      expect(user).toMatchObject({
        id: "h1",
        displayName: "Synced",
        active: false,
        role: "admin",
        hgeIdAccountId: "hge-h1",
      });
    });

    it("refuses to create a user over an existing id (a host user stays as it was)", async () => {
      await dir().putUsers([hostUser("h1", "hge@x.io")]);
      await expect(
        dir().applyPage("int-1", { users: { create: [newUser("h1", "new@x.io")] } }, 1),
      ).rejects.toMatchObject({
        code: "STORAGE_CONFLICT",
      });
      expect(await dir().listUsers()).toEqual([hostUser("h1", "hge@x.io")]);
    });

    it("re-points an existing link to another user", async () => {
      await dir().applyPage(
        "int-1",
        { users: { create: [newUser("u1"), newUser("u2")], link: [{ externalId: "e1", userId: "u1" }] } },
        1,
      );
      await dir().applyPage("int-1", { users: { link: [{ externalId: "e1", userId: "u2" }] } }, 2);
      const lookup = await dir().findUsers("int-1", {
        externalIds: ["e1"],
        emails: ["u1@example.com", "u2@example.com"],
      });
      expect(lookup.byExternalId.map((m) => m.user.id)).toEqual(["u2"]);
      const linked = Object.fromEntries(lookup.byEmail.map((m) => [m.user.id, m.linkedExternalIds]));
      expect(linked).toEqual({ u1: [], u2: ["e1"] });
      expect(await dir().listLinks("int-1")).toHaveLength(1);
    });

    it("lists users by email, optionally only those linked to an integration, with paging", async () => {
      await dir().putUsers([hostUser("h1", "c@x.io")]);
      await dir().applyPage(
        "int-1",
        {
          users: {
            create: [newUser("u1", "b@x.io"), newUser("u2", "a@x.io")],
            link: [{ externalId: "e1", userId: "u1" }],
          },
        },
        1,
      );
      expect((await dir().listUsers()).map((u) => u.email)).toEqual(["a@x.io", "b@x.io", "c@x.io"]);
      expect((await dir().listUsers({ limit: 1, offset: 1 })).map((u) => u.email)).toEqual(["b@x.io"]);
      expect((await dir().listUsers({ integrationId: "int-1" })).map((u) => u.id)).toEqual(["u1"]);
      expect(await dir().listUsers({ integrationId: "int-9" })).toEqual([]);
    });

    it("lists links by external id with paging", async () => {
      const create = ["u3", "u1", "u2"].map((id) => newUser(id));
      const link = create.map((u) => ({ externalId: `e-${u.id}`, userId: u.id }));
      await dir().applyPage("int-1", { users: { create, link } }, 1);
      expect((await dir().listLinks("int-1")).map((l) => l.externalId)).toEqual(["e-u1", "e-u2", "e-u3"]);
      expect((await dir().listLinks("int-1", { limit: 2, offset: 1 })).map((l) => l.externalId)).toEqual([
        "e-u2",
        "e-u3",
      ]);
      expect(await dir().listLinks("int-2")).toEqual([]);
    });

    it("counts active linked users", async () => {
      await dir().applyPage(
        "int-1",
        {
          users: {
            create: [newUser("u1"), newUser("u2", undefined, { active: false }), newUser("u3")],
            link: [
              { externalId: "e1", userId: "u1" },
              { externalId: "e2", userId: "u2" },
            ],
          },
        },
        1,
      );
      expect(await dir().countActiveLinkedUsers("int-1")).toBe(1);
      expect(await dir().countActiveLinkedUsers("int-2")).toBe(0);
    });
  });
}
