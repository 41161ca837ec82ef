import type { DirectoryBatch } from "../../storage/storage-adapter";
import type { ResolvedTestApi } from "../runner/test-api";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

const records = (kind: "device" | "asset", ...ids: string[]) => ({
  kind,
  upsert: ids.map((externalId) => ({ externalId, data: { name: externalId } })),
});

/** Pending removals of devices and assets: marks, counts per kind, commit, discard, and what cancels a mark. */
export function describeRecordRemovals(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("pending record removals", () => {
    const storage = useStorage(options, t);
    const dir = () => fullDirectory(storage());
    const apply = (batch: DirectoryBatch) => dir().applyPage("int-1", batch, "cp");
    const state = async (kind: "device" | "asset") =>
      Object.fromEntries(
        (await dir().listRecords("int-1", kind)).map((r) => [
          r.externalId,
          r.removed ? "removed" : r.pendingRemoval ? "pending" : "present",
        ]),
      );

    it("marks known, present records pending and counts them per kind, removing nothing", async () => {
      await apply({ records: [records("device", "d1", "d2", "d3"), records("asset", "a1")] });
      await apply({ records: [{ kind: "device", remove: ["d3"] }] });
      await apply({ records: [{ kind: "device", markPendingRemoval: ["d1", "d3", "unknown"] }] });
      expect(await state("device")).toEqual({ d1: "pending", d2: "present", d3: "removed" });
      expect(await dir().countRecordRemovals("int-1", "device")).toEqual({ pending: 1, present: 2 });
      expect(await dir().countRecordRemovals("int-1", "asset")).toEqual({ pending: 0, present: 1 });
      expect(await dir().countRecordRemovals("int-2", "device")).toEqual({ pending: 0, present: 0 });
    });

    it("an upsert or an immediate removal cancels a pending removal", async () => {
      await apply({ records: [records("device", "d1", "d2")] });
      await apply({ records: [{ kind: "device", markPendingRemoval: ["d1", "d2"] }] });
      await apply({ records: [{ ...records("device", "d1"), remove: ["d2"] }] });
      expect(await state("device")).toEqual({ d1: "present", d2: "removed" });
      expect(await dir().countRecordRemovals("int-1", "device")).toEqual({ pending: 0, present: 1 });
    });

    it("commits per kind or for every kind, and counts what it removed", async () => {
      await apply({ records: [records("device", "d1", "d2"), records("asset", "a1")] });
      await apply({
        records: [
          { kind: "device", markPendingRemoval: ["d1"] },
          { kind: "asset", markPendingRemoval: ["a1"] },
        ],
      });
      expect(await dir().commitPendingRemovals("int-1", "device")).toBe(1);
      expect(await state("device")).toEqual({ d1: "removed", d2: "present" });
      expect(await state("asset")).toEqual({ a1: "pending" });
      expect(await dir().commitPendingRemovals("int-2")).toBe(0);
      expect(await dir().commitPendingRemovals("int-1")).toBe(1);
      expect(await state("asset")).toEqual({ a1: "removed" });
      expect(await dir().commitPendingRemovals("int-1")).toBe(0);
    });

    it("discards marks without removing anything", async () => {
      await apply({ records: [records("device", "d1", "d2"), records("asset", "a1")] });
      await apply({
        records: [
          { kind: "device", markPendingRemoval: ["d1", "d2"] },
          { kind: "asset", markPendingRemoval: ["a1"] },
        ],
      });
      expect(await dir().discardPendingRemovals("int-1", "asset")).toBe(1);
      expect(await dir().discardPendingRemovals("int-1")).toBe(2);
      expect(await state("device")).toEqual({ d1: "present", d2: "present" });
      expect(await dir().countRecordRemovals("int-1", "device")).toEqual({ pending: 0, present: 2 });
    });

    it("a record sweep marks only unseen, present, unmarked records and counts those", async () => {
      await apply({ records: [records("device", "d1", "d2", "d3", "d4")] });
      await apply({ records: [{ kind: "device", remove: ["d4"], markPendingRemoval: ["d3"] }] });
      const result = await apply({
        seen: { sweepId: "s1", records: [{ kind: "device", externalIds: ["d1"] }] },
        finishSweep: { kind: "device", sweepId: "s1" },
      });
      expect(result).toEqual({ sweptUsers: 0, sweptOthers: 1 });
      expect(await state("device")).toEqual({ d1: "present", d2: "pending", d3: "pending", d4: "removed" });
    });
  });
}
