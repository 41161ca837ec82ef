import type { DirectoryBatch } from "../../storage/storage-adapter";
import type { ResolvedTestApi } from "../runner/test-api";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

const group = (externalId: string, displayName: string | null = externalId.toUpperCase()) => ({
  externalId,
  displayName,
  description: null,
  attributes: { mail: `${externalId}@x.io` },
});
const member = (groupExternalId: string, userExternalId: string) => ({ groupExternalId, userExternalId });

/** Groups (upsert, remove, sweep), memberships (idempotent) and device/asset records. */
export function describeGroupsAndRecords(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("groups, memberships and records", () => {
    const storage = useStorage(options, t);
    const dir = () => fullDirectory(storage());
    const apply = (batch: DirectoryBatch) => dir().applyPage("int-1", batch, "cp");

    it("upserts groups, finds them by external id, lists them by external id", async () => {
      await apply({ groups: { upsert: [group("g2"), group("g1")] } });
      await apply({ groups: { upsert: [group("g1", "Renamed")] } });
      const groups = await dir().listGroups("int-1");
      expect(groups.map((g) => [g.externalId, g.displayName, g.removed])).toEqual([
        ["g1", "Renamed", false],
        ["g2", "G2", false],
      ]);
      expect(groups[0]).toMatchObject({
        integrationId: "int-1",
        description: null,
        attributes: { mail: "g1@x.io" },
      });
      expect(groups[0]?.updatedAt).toBeInstanceOf(Date);
      expect((await dir().findGroups("int-1", ["g2", "nope"])).map((g) => g.externalId)).toEqual(["g2"]);
      expect(await dir().findGroups("int-2", ["g1"])).toEqual([]);
    });

    it("removing a group marks it removed, keeps it findable, drops its memberships; upsert revives it", async () => {
      await apply({
        groups: { upsert: [group("g1"), group("g2")] },
        memberships: { add: [member("g1", "e1"), member("g2", "e1")] },
      });
      await apply({ groups: { remove: ["g1", "unknown"] } });
      expect((await dir().findGroups("int-1", ["g1"]))[0]?.removed).toBe(true);
      expect(await dir().listMemberships("int-1", "g1")).toEqual([]);
      expect(await dir().listMemberships("int-1")).toEqual([
        { integrationId: "int-1", groupExternalId: "g2", userExternalId: "e1" },
      ]);
      await apply({ groups: { upsert: [group("g1")] } });
      expect((await dir().findGroups("int-1", ["g1"]))[0]?.removed).toBe(false);
    });

    it("adds and removes memberships idempotently, lists them by group then user", async () => {
      await apply({ groups: { upsert: [group("g1"), group("g2")] } });
      await apply({
        memberships: {
          add: [member("g2", "e1"), member("g1", "e2"), member("g1", "e1"), member("g1", "e1")],
        },
      });
      await apply({
        memberships: { add: [member("g1", "e1")], remove: [member("g2", "e1"), member("g2", "e9")] },
      });
      expect(
        (await dir().listMemberships("int-1")).map((m) => `${m.groupExternalId}/${m.userExternalId}`),
      ).toEqual(["g1/e1", "g1/e2"]);
      expect((await dir().listMemberships("int-1", "g1")).map((m) => m.userExternalId)).toEqual(["e1", "e2"]);
      expect(await dir().listMemberships("int-2")).toEqual([]);
    });

    it("applies group upserts before memberships within one batch", async () => {
      await apply({ groups: { upsert: [group("g1")] }, memberships: { add: [member("g1", "e1")] } });
      expect(await dir().listMemberships("int-1", "g1")).toHaveLength(1);
    });

    it("finishing a group sweep marks unseen groups removed and counts them", async () => {
      await apply({ groups: { upsert: [group("g1"), group("g2"), group("g3")] } });
      await apply({ groups: { remove: ["g3"] } });
      await apply({ seen: { sweepId: "s1", groups: ["g1"] } });
      const result = await apply({ finishSweep: { kind: "group", sweepId: "s1" } });
      expect(result).toEqual({ sweptUsers: 0, sweptOthers: 1 });
      const removed = (await dir().listGroups("int-1")).map((g) => [g.externalId, g.removed]);
      expect(removed).toEqual([
        ["g1", false],
        ["g2", true],
        ["g3", true],
      ]);
    });

    it("upserts, removes (marks) and finds devices and assets per kind", async () => {
      await apply({
        records: [
          {
            kind: "device",
            upsert: [
              { externalId: "d2", data: { os: "iOS" } },
              { externalId: "d1", data: { os: "Windows" } },
            ],
          },
          { kind: "asset", upsert: [{ externalId: "a1", data: { tag: 7 } }] },
        ],
      });
      await apply({
        records: [{ kind: "device", upsert: [{ externalId: "d1", data: { os: "Linux" } }], remove: ["d2"] }],
      });
      const devices = await dir().listRecords("int-1", "device");
      expect(devices.map((d) => [d.externalId, d.data, d.removed])).toEqual([
        ["d1", { os: "Linux" }, false],
        ["d2", { os: "iOS" }, true],
      ]);
      expect(devices[0]).toMatchObject({ integrationId: "int-1", kind: "device" });
      expect(devices[0]?.updatedAt).toBeInstanceOf(Date);
      expect((await dir().findRecords("int-1", "asset", ["a1", "d1"])).map((r) => r.externalId)).toEqual([
        "a1",
      ]);
      expect(await dir().findRecords("int-1", "device", ["a1"])).toEqual([]);
      await apply({ records: [{ kind: "device", upsert: [{ externalId: "d2", data: { os: "iOS" } }] }] });
      expect((await dir().findRecords("int-1", "device", ["d2"]))[0]?.removed).toBe(false);
    });

    it("finishing a device sweep marks unseen devices for removal (removed once committed), leaving assets alone", async () => {
      await apply({
        records: [
          {
            kind: "device",
            upsert: [
              { externalId: "d1", data: {} },
              { externalId: "d2", data: {} },
            ],
          },
          { kind: "asset", upsert: [{ externalId: "a1", data: {} }] },
        ],
      });
      const result = await apply({
        seen: { sweepId: "s1", records: [{ kind: "device", externalIds: ["d2"] }] },
        finishSweep: { kind: "device", sweepId: "s1" },
      });
      expect(result).toEqual({ sweptUsers: 0, sweptOthers: 1 });
      const devices = await dir().listRecords("int-1", "device");
      expect(devices.map((d) => [d.removed, d.pendingRemoval])).toEqual([
        [false, true],
        [false, false],
      ]);
      expect(await dir().commitPendingRemovals("int-1", "device")).toBe(1);
      expect((await dir().listRecords("int-1", "device")).map((d) => d.removed)).toEqual([true, false]);
      expect((await dir().listRecords("int-1", "asset"))[0]?.removed).toBe(false);
    });
  });
}
