import type { RecordOwnerInput } from "../../storage/storage-adapter";
import type { ResolvedTestApi } from "../runner/test-api";
import { hostUser, integration, newUser } from "./conformance-fixtures";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

const owner = (o: Partial<RecordOwnerInput>): RecordOwnerInput => ({
  email: null,
  externalUserId: null,
  source: null,
  ...o,
});
const device = (externalId: string, o: Partial<RecordOwnerInput> | null) => ({
  externalId,
  data: { name: externalId },
  owner: o === null ? null : owner(o),
});

/** Owners of devices and assets: resolution by link or email, later resolution, listings by owner and unowned. */
export function describeRecordOwners(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("record owners", () => {
    const storage = useStorage(options, t);
    const dir = () => fullDirectory(storage());
    const setup = async () => {
      await storage().integrations.insert(integration({ id: "ent-1", connectorId: "entra" }));
      await storage().integrations.insert(integration({ id: "dev-1", connectorId: "intune" }));
      await storage().integrations.insert(integration({ id: "sap-1", connectorId: "sap" }));
      await storage().integrations.insert(
        integration({ id: "ent-2", connectorId: "entra", tenantId: "tenant-2" }),
      );
    };
    const linkUser = (integrationId: string, externalId: string, userId: string, create = true) =>
      dir().applyPage(
        integrationId,
        { users: { ...(create ? { create: [newUser(userId)] } : {}), link: [{ externalId, userId }] } },
        "cp",
      );
    const writeDevices = (...upsert: ReturnType<typeof device>[]) =>
      dir().applyPage("dev-1", { records: [{ kind: "device", upsert }] }, "cp");
    const ownerOf = async (externalId: string) =>
      (await dir().findRecords("dev-1", "device", [externalId]))[0]?.owner ?? null;

    it("resolves an owner by external id through a link of the same tenant's integration of that connector", async () => {
      await setup();
      await linkUser("ent-1", "obj-1", "u1");
      await linkUser("ent-2", "obj-2", "u2");
      await linkUser("sap-1", "obj-3", "u3");
      await writeDevices(
        device("d1", { externalUserId: "obj-1", source: "entra" }),
        device("d2", { externalUserId: "obj-2", source: "entra" }),
        device("d3", { externalUserId: "obj-3", source: "entra" }),
        device("d4", { externalUserId: "obj-1" }),
      );
      expect(await ownerOf("d1")).toEqual({
        email: null,
        externalUserId: "obj-1",
        source: "entra",
        userId: "u1",
      });
      expect((await ownerOf("d2"))?.userId).toBeNull();
      expect((await ownerOf("d3"))?.userId).toBeNull();
      expect((await ownerOf("d4"))?.userId).toBeNull();
    });

    it("falls back to the email, and prefers the link when both match", async () => {
      await setup();
      await fullDirectory(storage()).putUsers([hostUser("h1", "anna@x.io")]);
      await linkUser("ent-1", "obj-1", "u1");
      await writeDevices(
        device("d1", { email: "anna@x.io", externalUserId: "unknown", source: "entra" }),
        device("d2", { email: "anna@x.io", externalUserId: "obj-1", source: "entra" }),
        device("d3", null),
      );
      expect((await ownerOf("d1"))?.userId).toBe("h1");
      expect((await ownerOf("d2"))?.userId).toBe("u1");
      expect(await ownerOf("d3")).toBeNull();
    });

    it("resolves a waiting owner when a later user page links the external id (devices first, users later)", async () => {
      await setup();
      await writeDevices(
        device("d1", { externalUserId: "obj-1", source: "entra" }),
        device("d2", { externalUserId: "obj-1", source: "sap" }),
      );
      expect((await ownerOf("d1"))?.userId).toBeNull();
      await linkUser("ent-2", "obj-1", "other-tenant");
      expect((await ownerOf("d1"))?.userId).toBeNull();
      await linkUser("ent-1", "obj-1", "u1");
      expect((await ownerOf("d1"))?.userId).toBe("u1");
      expect((await ownerOf("d2"))?.userId).toBeNull();
    });

    it("resolves a waiting owner when a user with the email is created, gets the email, or is put by the host", async () => {
      await setup();
      await writeDevices(
        device("d1", { email: "new@x.io" }),
        device("d2", { email: "changed@x.io" }),
        device("d3", { email: "host@x.io" }),
      );
      await dir().applyPage("ent-1", { users: { create: [newUser("u1", "new@x.io"), newUser("u2")] } }, "cp");
      expect((await ownerOf("d1"))?.userId).toBe("u1");
      await dir().applyPage(
        "ent-1",
        { users: { update: [{ userId: "u2", set: { email: "changed@x.io" } }] } },
        "cp",
      );
      expect((await ownerOf("d2"))?.userId).toBe("u2");
      await dir().putUsers([hostUser("h1", "host@x.io")]);
      expect((await ownerOf("d3"))?.userId).toBe("h1");
    });

    it("a waiting owner replaced before its user comes waits for the new one only, across several writes", async () => {
      await setup();
      await writeDevices(
        device("d1", { externalUserId: "obj-1", source: "entra", email: "one@x.io" }),
        device("d2", { externalUserId: "obj-3", source: "entra" }),
        device("d4", { externalUserId: "obj-4", source: "entra" }),
      );
      await writeDevices(device("d4", { externalUserId: "obj-5", source: "entra" }));
      await linkUser("ent-1", "obj-3", "u3");
      await linkUser("ent-1", "obj-4", "u4");
      expect((await ownerOf("d4"))?.userId).toBeNull();
      expect(await dir().listRecordsByOwner("u4")).toEqual([]);
      expect((await ownerOf("d2"))?.userId).toBe("u3");
      await writeDevices(device("d1", { externalUserId: "obj-2", source: "entra" }));
      await writeDevices(device("d3", { email: "one@x.io" }));
      await linkUser("ent-1", "obj-1", "u1");
      await dir().applyPage("ent-1", { users: { create: [newUser("u9", "one@x.io")] } }, "cp");
      expect((await ownerOf("d1"))?.userId).toBeNull();
      expect((await ownerOf("d3"))?.userId).toBe("u9");
      await linkUser("ent-1", "obj-2", "u2");
      expect((await ownerOf("d1"))?.userId).toBe("u2");
      expect((await dir().listRecordsByOwner("u1")).map((r) => r.externalId)).toEqual([]);
      expect((await dir().listRecordsByOwner("u2")).map((r) => r.externalId)).toEqual(["d1"]);
    });

    it("an upsert replaces the owner: a new one is resolved again, none clears it", async () => {
      await setup();
      await linkUser("ent-1", "obj-1", "u1");
      await linkUser("ent-1", "obj-2", "u2");
      await writeDevices(device("d1", { externalUserId: "obj-1", source: "entra" }));
      await writeDevices(device("d1", { externalUserId: "obj-2", source: "entra" }));
      expect((await ownerOf("d1"))?.userId).toBe("u2");
      expect(await dir().listRecordsByOwner("u1")).toEqual([]);
      await writeDevices(device("d1", null));
      expect(await ownerOf("d1")).toBeNull();
      expect(await dir().listRecordsByOwner("u2")).toEqual([]);
    });

    it("lists a user's devices and assets across integrations, by integration, kind and id", async () => {
      await setup();
      await linkUser("ent-1", "obj-1", "u1");
      await writeDevices(
        device("d2", { externalUserId: "obj-1", source: "entra" }),
        device("d1", { externalUserId: "obj-1", source: "entra" }),
        device("d3", { externalUserId: "obj-9", source: "entra" }),
      );
      await dir().applyPage(
        "sap-1",
        {
          records: [
            {
              kind: "asset",
              upsert: [{ externalId: "a1", data: {}, owner: owner({ email: "u1@example.com" }) }],
            },
          ],
        },
        "cp",
      );
      await dir().applyPage("dev-1", { records: [{ kind: "device", remove: ["d2"] }] }, "cp");
      const key = (r: { integrationId: string; kind: string; externalId: string }) =>
        `${r.integrationId}/${r.kind}/${r.externalId}`;
      expect((await dir().listRecordsByOwner("u1")).map(key)).toEqual(["dev-1/device/d1", "sap-1/asset/a1"]);
      expect((await dir().listRecordsByOwner("u1", { includeRemoved: true })).map(key)).toEqual([
        "dev-1/device/d1",
        "dev-1/device/d2",
        "sap-1/asset/a1",
      ]);
      expect((await dir().listRecordsByOwner("u1", { kind: "asset" })).map(key)).toEqual(["sap-1/asset/a1"]);
      expect((await dir().listRecordsByOwner("u1", { limit: 1, offset: 1 })).map(key)).toEqual([
        "sap-1/asset/a1",
      ]);
      const [first] = await dir().listRecordsByOwner("u1");
      expect(first).toMatchObject({ data: { name: "d1" }, removed: false, pendingRemoval: false });
    });

    it("lists the tenant's records without a resolved owner, per kind", async () => {
      await setup();
      await linkUser("ent-1", "obj-1", "u1");
      await writeDevices(
        device("d1", { externalUserId: "obj-1", source: "entra" }),
        device("d2", { externalUserId: "obj-9", source: "entra" }),
        device("d3", null),
        device("d4", null),
      );
      await dir().applyPage("dev-1", { records: [{ kind: "device", remove: ["d4"] }] }, "cp");
      await dir().applyPage("ent-2", { records: [{ kind: "device", upsert: [device("x1", null)] }] }, "cp");
      const ids = (rows: Array<{ externalId: string }>) => rows.map((r) => r.externalId);
      expect(ids(await dir().listUnownedRecords("tenant-1", "device"))).toEqual(["d2", "d3"]);
      expect(ids(await dir().listUnownedRecords("tenant-1", "device", { includeRemoved: true }))).toEqual([
        "d2",
        "d3",
        "d4",
      ]);
      expect(ids(await dir().listUnownedRecords("tenant-1", "asset"))).toEqual([]);
      expect(ids(await dir().listUnownedRecords("tenant-2", "device"))).toEqual(["x1"]);
      expect(ids(await dir().listUnownedRecords("tenant-1", "device", { limit: 1 }))).toEqual(["d2"]);
    });

    it("deleting the device integration drops its records from the owner listing; the user stays", async () => {
      await setup();
      await linkUser("ent-1", "obj-1", "u1");
      await writeDevices(device("d1", { externalUserId: "obj-1", source: "entra" }));
      await storage().integrations.delete("dev-1");
      expect(await dir().listRecordsByOwner("u1")).toEqual([]);
      expect((await dir().listUsers()).map((u) => u.id)).toEqual(["u1"]);
    });
  });
}
