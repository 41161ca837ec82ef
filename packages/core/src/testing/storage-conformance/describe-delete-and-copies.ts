import type { ResolvedTestApi } from "../runner/test-api";
import { at, auditEntry, hostUser, integration, newUser, secret, syncLog } from "./conformance-fixtures";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

/** Deleting an integration, and that stores hand out copies, never their own objects. */
export function describeDeleteAndCopies(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("integration delete and returned copies", () => {
    const storage = useStorage(options, t);
    const dir = () => fullDirectory(storage());

    it("deletes the integration with its secrets, checkpoint, links, groups, memberships and records", async () => {
      await storage().integrations.insert(integration());
      await storage().integrations.insert(integration({ id: "int-2" }));
      await storage().secrets.put([secret(), secret({ integrationId: "int-2" })]);
      const batch = {
        users: { create: [newUser("u1")], link: [{ externalId: "e1", userId: "u1" }] },
        groups: { upsert: [{ externalId: "g1", displayName: null, description: null, attributes: {} }] },
        memberships: { add: [{ groupExternalId: "g1", userExternalId: "e1" }] },
        records: [{ kind: "asset" as const, upsert: [{ externalId: "a1", data: {} }] }],
      };
      await dir().applyPage("int-1", batch, "cp");
      await dir().applyPage("int-2", { users: { link: [{ externalId: "e1", userId: "u1" }] } }, "cp-2");
      await storage().syncLogs.save(syncLog("run-1", at(1)));
      await storage().audit.append(auditEntry("a1", at(1)));

      await storage().integrations.delete("int-1");

      expect(await storage().integrations.get("int-1")).toBeNull();
      expect(await storage().secrets.list("int-1")).toEqual([]);
      expect(await storage().checkpoints.get("int-1")).toBeNull();
      expect(await dir().listLinks("int-1")).toEqual([]);
      expect(await dir().listGroups("int-1")).toEqual([]);
      expect(await dir().listMemberships("int-1")).toEqual([]);
      expect(await dir().listRecords("int-1", "asset")).toEqual([]);
      expect((await dir().findUsers("int-1", { externalIds: ["e1"], emails: [] })).byExternalId).toEqual([]);
      expect((await dir().listUsers()).map((u) => u.id)).toEqual(["u1"]);
      expect(await storage().syncLogs.get("run-1")).not.toBeNull();
      expect(await storage().audit.list({ integrationId: "int-1" })).toHaveLength(1);
      expect(await storage().integrations.get("int-2")).not.toBeNull();
      expect(await storage().secrets.list("int-2")).toHaveLength(1);
      expect(await dir().listLinks("int-2")).toHaveLength(1);
      expect((await storage().checkpoints.get("int-2"))?.value).toBe("cp-2");
    });

    it("returns copies: mutating a result or an input never changes stored data", async () => {
      const record = integration();
      await storage().integrations.insert(record);
      record.settings["tenant"] = "input-mutated";
      const got = await storage().integrations.get("int-1");
      if (!got) throw new Error("missing integration");
      got.settings["tenant"] = "mutated";
      got.createdAt.setTime(0);
      const again = await storage().integrations.get("int-1");
      expect(again?.settings["tenant"]).toBe("contoso");
      expect(again?.createdAt).toEqual(at(0));

      await dir().putUsers([hostUser("h1", "h1@x.io", { attributes: { tags: ["a"] } })]);
      await dir().applyPage(
        "int-1",
        { users: { link: [{ externalId: "e1", userId: "h1" }] } },
        { list: [1] },
      );
      const lookup = await dir().findUsers("int-1", { externalIds: ["e1"], emails: ["h1@x.io"] });
      const found = lookup.byExternalId[0];
      if (!found) throw new Error("missing user");
      found.user.displayName = "Mutated";
      found.user.attributes["tags"] = ["mutated"];
      found.link.pendingDeactivation = true;
      const users = await dir().listUsers();
      expect(users[0]).toMatchObject({ displayName: null, attributes: { tags: ["a"] } });
      expect((await dir().listLinks("int-1"))[0]?.pendingDeactivation).toBe(false);
      const checkpoint = await storage().checkpoints.get("int-1");
      (checkpoint?.value as { list: number[] } | undefined)?.list.push(2);
      expect((await storage().checkpoints.get("int-1"))?.value).toEqual({ list: [1] });

      const log = syncLog("run-1", at(1));
      await storage().syncLogs.save(log);
      log.counts.created = 99;
      const storedLog = await storage().syncLogs.get("run-1");
      if (!storedLog) throw new Error("missing log");
      storedLog.errors.length = 0;
      expect(await storage().syncLogs.get("run-1")).toEqual(syncLog("run-1", at(1)));
    });
  });
}
