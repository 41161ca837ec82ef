import type { LockFence, LockHandle, StorageAdapter } from "../../storage/storage-adapter";
import type { ResolvedTestApi } from "../runner/test-api";
import { newUser } from "./conformance-fixtures";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fenceOf = (handle: LockHandle): LockFence => ({ name: handle.name, token: handle.token });

async function seed(storage: StorageAdapter, n: number): Promise<void> {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  await storage.directory.applyPage(
    "int-1",
    {
      users: {
        create: ids.map((i) => newUser(`u${i}`)),
        link: ids.map((i) => ({ externalId: `e${i}`, userId: `u${i}` })),
      },
    },
    "seed",
  );
}

/** Fenced writes: a stale fencing token or a lapsed lease writes nothing; only the holder's writes land. */
export function describeFencedWrites(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it, afterEach } = t;
  describe("fenced writes", () => {
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
    /** Takes the lock with a short lease, lets it lapse, and lets a second holder take it. */
    const takenOver = async () => {
      const old = track(await storage().locks.tryAcquire("sync:int-1", { ttlMs: 40 }));
      if (!old) throw new Error("lock not free");
      await dir().applyPage("int-1", { users: { markPendingDeactivation: ["e1"] } }, "old-1", fenceOf(old));
      await sleep(80);
      const current = track(await storage().locks.tryAcquire("sync:int-1"));
      if (!current) throw new Error("lock not taken over");
      return { old, current };
    };

    it("applies a page whose fence is the lock's current token", async () => {
      await seed(storage(), 2);
      const held = track(await storage().locks.tryAcquire("sync:int-1"));
      if (!held) throw new Error("lock not free");
      await dir().applyPage("int-1", { users: { markPendingDeactivation: ["e2"] } }, "cp-1", fenceOf(held));
      expect((await storage().checkpoints.get("int-1"))?.value).toBe("cp-1");
      expect(await dir().countPendingDeactivations("int-1")).toBe(1);
      await held.release();
    });

    it("refuses a page with a stale token (SYNC_LOCK_LOST) and writes nothing of it", async () => {
      await seed(storage(), 3);
      const { old, current } = await takenOver();
      await expect(
        dir().applyPage(
          "int-1",
          {
            users: {
              create: [newUser("u9")],
              link: [{ externalId: "e9", userId: "u9" }],
              markPendingDeactivation: ["e2"],
            },
            seen: { sweepId: "s-old", users: ["e3"] },
            finishSweep: { kind: "user", sweepId: "s-old" },
          },
          "old-2",
          fenceOf(old),
        ),
      ).rejects.toMatchObject({ code: "SYNC_LOCK_LOST" });
      expect((await storage().checkpoints.get("int-1"))?.value).toBe("old-1");
      expect((await dir().listUsers()).map((u) => u.id)).not.toContain("u9");
      expect(await dir().countPendingDeactivations("int-1")).toBe(1);
      await dir().applyPage(
        "int-1",
        { users: { clearPendingDeactivation: ["e1"] } },
        "new-1",
        fenceOf(current),
      );
      expect((await storage().checkpoints.get("int-1"))?.value).toBe("new-1");
      await current.release();
    });

    it("refuses a page once the lease ran out, even if nobody took the lock", async () => {
      await seed(storage(), 1);
      const held = track(await storage().locks.tryAcquire("sync:int-1", { ttlMs: 30 }));
      if (!held) throw new Error("lock not free");
      await sleep(70);
      await expect(
        dir().applyPage("int-1", { users: { markPendingDeactivation: ["e1"] } }, "late", fenceOf(held)),
      ).rejects.toMatchObject({ code: "SYNC_LOCK_LOST" });
      expect((await storage().checkpoints.get("int-1"))?.value).toBe("seed");
    });

    it("refuses a released holder's page", async () => {
      await seed(storage(), 1);
      const held = track(await storage().locks.tryAcquire("sync:int-1"));
      if (!held) throw new Error("lock not free");
      await held.release();
      await expect(dir().applyPage("int-1", {}, "after", fenceOf(held))).rejects.toMatchObject({
        code: "SYNC_LOCK_LOST",
      });
    });

    it("refuses a stale holder's commit and discard of pending deactivations, changing nobody", async () => {
      await seed(storage(), 3);
      const { old, current } = await takenOver();
      await expect(dir().commitPendingDeactivations("int-1", fenceOf(old))).rejects.toMatchObject({
        code: "SYNC_LOCK_LOST",
      });
      await expect(dir().discardPendingDeactivations("int-1", fenceOf(old))).rejects.toMatchObject({
        code: "SYNC_LOCK_LOST",
      });
      expect(await dir().countPendingDeactivations("int-1")).toBe(1);
      expect((await dir().listUsers()).every((u) => u.active)).toBe(true);
      expect(await dir().commitPendingDeactivations("int-1", fenceOf(current))).toBe(1);
      await current.release();
    });

    it("refuses a stale holder's commit and discard of pending record removals, removing nothing", async () => {
      await dir().applyPage(
        "int-1",
        {
          records: [
            {
              kind: "device",
              upsert: ["d1", "d2", "d3"].map((externalId) => ({ externalId, data: { name: externalId } })),
            },
          ],
        },
        "records",
      );
      await dir().applyPage(
        "int-1",
        { records: [{ kind: "device", markPendingRemoval: ["d1", "d2"] }] },
        "marked",
      );
      const { old, current } = await takenOver();
      await expect(dir().commitPendingRemovals("int-1", "device", fenceOf(old))).rejects.toMatchObject({
        code: "SYNC_LOCK_LOST",
      });
      await expect(dir().commitPendingRemovals("int-1", undefined, fenceOf(old))).rejects.toMatchObject({
        code: "SYNC_LOCK_LOST",
      });
      await expect(dir().discardPendingRemovals("int-1", "device", fenceOf(old))).rejects.toMatchObject({
        code: "SYNC_LOCK_LOST",
      });
      expect(await dir().countRecordRemovals("int-1", "device")).toEqual({ pending: 2, present: 3 });
      expect(await dir().discardPendingRemovals("int-1", "device", fenceOf(current))).toBe(2);
      await dir().applyPage(
        "int-1",
        { records: [{ kind: "device", markPendingRemoval: ["d3"] }] },
        "again",
        fenceOf(current),
      );
      expect(await dir().commitPendingRemovals("int-1", undefined, fenceOf(current))).toBe(1);
      expect(
        (await dir().listRecords("int-1", "device")).filter((r) => r.removed).map((r) => r.externalId),
      ).toEqual(["d3"]);
      await current.release();
    });
  });
}
