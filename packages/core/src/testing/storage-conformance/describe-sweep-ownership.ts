import type { LockFence, LockHandle, StorageAdapter } from "../../storage/storage-adapter";
import type { ResolvedTestApi } from "../runner/test-api";
import { newUser } from "./conformance-fixtures";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seed(storage: StorageAdapter): Promise<void> {
  await storage.directory.applyPage(
    "int-1",
    {
      users: {
        create: [1, 2, 3].map((i) => newUser(`u${i}`)),
        link: [1, 2, 3].map((i) => ({ externalId: `e${i}`, userId: `u${i}` })),
      },
    },
    "seed",
  );
}

/** Sweep ownership on fenced writes: a sweep belongs to the holder that opened or resumed it. */
export function describeSweepOwnership(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it, afterEach } = t;
  describe("sweep ownership", () => {
    const storage = useStorage(options, t);
    const dir = () => fullDirectory(storage());
    const taken: LockHandle[] = [];
    afterEach(async () => {
      for (const handle of taken.splice(0)) await handle.release();
    });
    const track = (handle: LockHandle | null): LockHandle | null => {
      if (handle) taken.push(handle);
      return handle;
    };
    const take = async (ttlMs?: number): Promise<LockFence> => {
      const handle = track(
        await storage().locks.tryAcquire("sync:int-1", ttlMs === undefined ? {} : { ttlMs }),
      );
      if (!handle) throw new Error("lock not free");
      return { name: handle.name, token: handle.token };
    };
    /** Run A opens sweep `s-a` over e1 with a short lease, which then lapses: returns run B's fence. */
    const aStartsThenLapses = async (seen: string[]): Promise<LockFence> => {
      const a = await take(40);
      await dir().applyPage(
        "int-1",
        { sweep: { kind: "user", sweepId: "s-a", start: true }, seen: { sweepId: "s-a", users: seen } },
        "a-1",
        a,
      );
      await sleep(80);
      return take();
    };

    it("refuses to let run B finish run A's sweep once B opened its own, and marks nobody", async () => {
      await seed(storage());
      const b = await aStartsThenLapses(["e1"]);
      await dir().applyPage(
        "int-1",
        {
          sweep: { kind: "user", sweepId: "s-b", start: true },
          seen: { sweepId: "s-b", users: ["e1", "e2"] },
        },
        "b-1",
        b,
      );
      await expect(
        dir().applyPage(
          "int-1",
          {
            sweep: { kind: "user", sweepId: "s-a" },
            seen: { sweepId: "s-a", users: ["e3"] },
            finishSweep: { kind: "user", sweepId: "s-a" },
          },
          "b-wrong",
          b,
        ),
      ).rejects.toMatchObject({ code: "SYNC_SWEEP_NOT_OWNED" });
      await expect(
        dir().applyPage("int-1", { finishSweep: { kind: "user", sweepId: "s-a" } }, "b-wrong", b),
      ).rejects.toMatchObject({ code: "SYNC_SWEEP_NOT_OWNED" });
      expect((await storage().checkpoints.get("int-1"))?.value).toBe("b-1");
      expect(await dir().countPendingDeactivations("int-1")).toBe(0);
      const result = await dir().applyPage(
        "int-1",
        {
          sweep: { kind: "user", sweepId: "s-b" },
          seen: { sweepId: "s-b", users: ["e3"] },
          finishSweep: { kind: "user", sweepId: "s-b" },
        },
        "b-2",
        b,
      );
      expect(result.sweptUsers).toBe(0);
    });

    it("lets the next holder resume an open sweep after a crash and finish it", async () => {
      await seed(storage());
      const b = await aStartsThenLapses(["e1", "e2"]);
      const result = await dir().applyPage(
        "int-1",
        {
          sweep: { kind: "user", sweepId: "s-a" },
          seen: { sweepId: "s-a", users: ["e3"] },
          finishSweep: { kind: "user", sweepId: "s-a" },
        },
        "b-1",
        b,
      );
      expect(result.sweptUsers).toBe(0);
      expect(await dir().countPendingDeactivations("int-1")).toBe(0);
    });

    it("refuses a device sweep finished by a run that does not own it, marking no device for removal", async () => {
      const devices = ["d1", "d2", "d3"].map((externalId) => ({ externalId, data: { name: externalId } }));
      await dir().applyPage("int-1", { records: [{ kind: "device", upsert: devices }] }, "devices");
      const a = await take(40);
      await dir().applyPage(
        "int-1",
        {
          sweep: { kind: "device", sweepId: "d-a", start: true },
          seen: { sweepId: "d-a", records: [{ kind: "device", externalIds: ["d1"] }] },
        },
        "a-1",
        a,
      );
      await sleep(80);
      const b = await take();
      await dir().applyPage(
        "int-1",
        {
          sweep: { kind: "device", sweepId: "d-b", start: true },
          seen: { sweepId: "d-b", records: [{ kind: "device", externalIds: ["d1", "d2"] }] },
        },
        "b-1",
        b,
      );
      await expect(
        dir().applyPage(
          "int-1",
          { sweep: { kind: "device", sweepId: "d-a" }, finishSweep: { kind: "device", sweepId: "d-a" } },
          "b-wrong",
          b,
        ),
      ).rejects.toMatchObject({ code: "SYNC_SWEEP_NOT_OWNED" });
      await expect(
        dir().applyPage("int-1", { finishSweep: { kind: "device", sweepId: "d-a" } }, "a-late", a),
      ).rejects.toMatchObject({ code: "SYNC_LOCK_LOST" });
      expect(await dir().countRecordRemovals("int-1", "device")).toEqual({ pending: 0, present: 3 });
      const result = await dir().applyPage(
        "int-1",
        { sweep: { kind: "device", sweepId: "d-b" }, finishSweep: { kind: "device", sweepId: "d-b" } },
        "b-2",
        b,
      );
      expect(result.sweptOthers).toBe(1);
      expect(await dir().countRecordRemovals("int-1", "device")).toEqual({ pending: 1, present: 3 });
    });

    it("finishes nothing for a sweep left open (an incomplete listing), and lets the next enumeration replace it", async () => {
      const devices = ["d1", "d2"].map((externalId) => ({ externalId, data: { name: externalId } }));
      await dir().applyPage("int-1", { records: [{ kind: "device", upsert: devices }] }, "devices");
      const a = await take();
      await dir().applyPage(
        "int-1",
        {
          sweep: { kind: "device", sweepId: "d-a", start: true },
          seen: { sweepId: "d-a", records: [{ kind: "device", externalIds: ["d1"] }] },
        },
        "a-1",
        a,
      );
      expect(await dir().countRecordRemovals("int-1", "device")).toEqual({ pending: 0, present: 2 });
      const result = await dir().applyPage(
        "int-1",
        {
          sweep: { kind: "device", sweepId: "d-next", start: true },
          seen: { sweepId: "d-next", records: [{ kind: "device", externalIds: ["d1", "d2"] }] },
          finishSweep: { kind: "device", sweepId: "d-next" },
        },
        "a-2",
        a,
      );
      expect(result.sweptOthers).toBe(0);
      expect(await dir().countRecordRemovals("int-1", "device")).toEqual({ pending: 0, present: 2 });
    });

    it("refuses to finish a sweep twice", async () => {
      await seed(storage());
      const a = await take();
      const page = {
        sweep: { kind: "user" as const, sweepId: "s-a", start: true },
        seen: { sweepId: "s-a", users: ["e1", "e2", "e3"] },
        finishSweep: { kind: "user" as const, sweepId: "s-a" },
      };
      await dir().applyPage("int-1", page, "a-1", a);
      await expect(
        dir().applyPage(
          "int-1",
          { sweep: { kind: "user", sweepId: "s-a" }, finishSweep: { kind: "user", sweepId: "s-a" } },
          "a-2",
          a,
        ),
      ).rejects.toMatchObject({ code: "SYNC_SWEEP_NOT_OWNED" });
      expect((await storage().checkpoints.get("int-1"))?.value).toBe("a-1");
    });
  });
}
