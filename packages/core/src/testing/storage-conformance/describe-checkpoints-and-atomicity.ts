import type { ResolvedTestApi } from "../runner/test-api";
import { hostUser, integration, newUser } from "./conformance-fixtures";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

/** Checkpoints are written only by `applyPage`, together with the page, all or nothing. */
export function describeCheckpointsAndAtomicity(
  options: StorageConformanceOptions,
  t: ResolvedTestApi,
): void {
  const { describe, expect, it } = t;
  describe("checkpoints and atomic pages", () => {
    const storage = useStorage(options, t);

    it("saves the checkpoint with applyPage, replaces it with the next page, and clears it", async () => {
      await storage().integrations.insert(integration());
      expect(await storage().checkpoints.get("int-1")).toBeNull();
      await fullDirectory(storage()).applyPage(
        "int-1",
        {},
        { delta: "t1", sweep: { id: "s1", kinds: ["user"] } },
      );
      const first = await storage().checkpoints.get("int-1");
      expect(first).toMatchObject({
        integrationId: "int-1",
        value: { delta: "t1", sweep: { id: "s1", kinds: ["user"] } },
      });
      expect(first?.updatedAt).toBeInstanceOf(Date);
      await fullDirectory(storage()).applyPage("int-1", {}, "plain-string-checkpoint");
      expect((await storage().checkpoints.get("int-1"))?.value).toBe("plain-string-checkpoint");
      await fullDirectory(storage()).applyPage("int-1", {}, null);
      expect((await storage().checkpoints.get("int-1"))?.value).toBeNull();
      await storage().checkpoints.clear("int-1");
      expect(await storage().checkpoints.get("int-1")).toBeNull();
    });

    it("keeps checkpoints per integration", async () => {
      await fullDirectory(storage()).applyPage("int-1", {}, { n: 1 });
      await fullDirectory(storage()).applyPage("int-2", {}, { n: 2 });
      expect((await storage().checkpoints.get("int-1"))?.value).toEqual({ n: 1 });
      expect((await storage().checkpoints.get("int-2"))?.value).toEqual({ n: 2 });
    });

    it("applies nothing of a batch whose create collides on email: no users, links, marks or checkpoint", async () => {
      const dir = () => fullDirectory(storage());
      await dir().applyPage(
        "int-1",
        { users: { create: [newUser("u1")], link: [{ externalId: "e1", userId: "u1" }] } },
        "cp-1",
      );
      await fullDirectory(storage()).putUsers([hostUser("h1", "taken@example.com")]);
      const conflicting = dir().applyPage(
        "int-1",
        {
          users: {
            create: [newUser("u2"), newUser("u3", "taken@example.com")],
            update: [{ userId: "u1", set: { displayName: "Changed" } }],
            link: [{ externalId: "e2", userId: "u2" }],
            markPendingDeactivation: ["e1"],
          },
          groups: { upsert: [{ externalId: "g1", displayName: "G", description: null, attributes: {} }] },
          records: [{ kind: "device", upsert: [{ externalId: "d1", data: {} }] }],
        },
        "cp-2",
      );
      await expect(conflicting).rejects.toMatchObject({ code: "STORAGE_CONFLICT" });
      expect((await dir().listUsers()).map((u) => u.id).sort()).toEqual(["h1", "u1"]);
      expect(
        (await dir().findUsers("int-1", { externalIds: ["e1"], emails: [] })).byExternalId[0]?.user
          .displayName,
      ).toBe("U1");
      expect(await dir().listLinks("int-1")).toEqual([
        { integrationId: "int-1", externalId: "e1", userId: "u1", pendingDeactivation: false },
      ]);
      expect(await dir().listGroups("int-1")).toEqual([]);
      expect(await dir().listRecords("int-1", "device")).toEqual([]);
      expect((await storage().checkpoints.get("int-1"))?.value).toBe("cp-1");
    });

    it("rejects two creates with one email inside a batch, and an update onto a taken email", async () => {
      const dir = () => fullDirectory(storage());
      await expect(
        dir().applyPage(
          "int-1",
          { users: { create: [newUser("a", "same@x.io"), newUser("b", "same@x.io")] } },
          "cp",
        ),
      ).rejects.toMatchObject({ code: "STORAGE_CONFLICT" });
      expect(await dir().listUsers()).toEqual([]);
      expect(await storage().checkpoints.get("int-1")).toBeNull();
      await dir().applyPage("int-1", { users: { create: [newUser("a"), newUser("b")] } }, "cp-1");
      await expect(
        dir().applyPage(
          "int-1",
          { users: { update: [{ userId: "b", set: { email: "a@example.com" } }] } },
          "cp-2",
        ),
      ).rejects.toMatchObject({ code: "STORAGE_CONFLICT" });
      expect((await dir().listUsers()).map((u) => [u.id, u.email])).toEqual([
        ["a", "a@example.com"],
        ["b", "b@example.com"],
      ]);
      expect((await storage().checkpoints.get("int-1"))?.value).toBe("cp-1");
    });

    it("lets a user take an email another user gave up earlier in the same batch", async () => {
      const dir = () => fullDirectory(storage());
      await dir().applyPage("int-1", { users: { create: [newUser("a"), newUser("b")] } }, "cp-1");
      await dir().applyPage(
        "int-1",
        {
          users: {
            update: [
              { userId: "a", set: { email: "a-old@example.com" } },
              { userId: "b", set: { email: "a@example.com" } },
            ],
          },
        },
        "cp-2",
      );
      const emails = (await dir().listUsers()).map((u) => [u.id, u.email]).sort();
      expect(emails).toEqual([
        ["a", "a-old@example.com"],
        ["b", "a@example.com"],
      ]);
      const lookup = await dir().findUsers("int-1", {
        externalIds: [],
        emails: ["a@example.com", "b@example.com"],
      });
      expect(lookup.byEmail.map((m) => m.user.id)).toEqual(["b"]);
    });

    it("rejects putUsers that would give two users one email", async () => {
      await fullDirectory(storage()).putUsers([hostUser("h1", "one@example.com")]);
      await expect(
        fullDirectory(storage()).putUsers([hostUser("h2", "one@example.com")]),
      ).rejects.toMatchObject({
        code: "STORAGE_CONFLICT",
      });
      expect((await fullDirectory(storage()).listUsers()).map((u) => u.id)).toEqual(["h1"]);
    });
  });
}
